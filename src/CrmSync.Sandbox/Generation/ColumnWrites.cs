using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>Typed shorthands for filling generated rows.</summary>
internal static class ColumnWrites
{
    public const long DayMillis = 86_400_000;

    public static void Text(this Column column, int row, string? value) => column.Set(row, FieldValue.OfText(value));

    public static void Number(this Column column, int row, double? value) =>
        column.Set(row, value is { } number ? FieldValue.OfNumber(number) : FieldValue.Null);

    public static void Flag(this Column column, int row, bool value) => column.Set(row, FieldValue.OfBoolean(value));

    public static void Day(this Column column, int row, long epochMillis) =>
        column.Set(row, new FieldValue(ValueKind.Date, 0, DayNumber(epochMillis), null));

    public static void Instant(this Column column, int row, long epochMillis) => column.Set(row, FieldValue.OfDateTime(epochMillis));

    public static void Refer(this Column column, int row, int targetRow, int target = 0) =>
        ((ReferenceColumn)column).SetReference(row, targetRow < 0 ? -1 : ReferenceColumn.Encode(target, targetRow));

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static int DayNumber(long epochMillis) => UnixEpochDay + (int)Math.Floor(epochMillis / (double)DayMillis);

    public static long MillisOf(int dayNumber) => (dayNumber - UnixEpochDay) * DayMillis;

    /// <summary>
    /// A creation time drawn past <paramref name="nowMillis"/> (counted back from a date still to come) is reflected
    /// into the past: clamping would create all such records in the same minute before now.
    /// </summary>
    public static long CreatedBefore(long nowMillis, long drawnMillis, long notBeforeMillis)
    {
        var latest = nowMillis - 60_000;
        var created = drawnMillis <= latest ? drawnMillis : 2 * latest - drawnMillis;
        return Math.Min(Math.Max(created, notBeforeMillis), latest);
    }

    public static void Stamp(this ObjectTable table, int row, long modifiedMillis)
    {
        table.Touch(row, Math.Max(modifiedMillis, table.CreatedDate[row]));
    }

    /// <summary>
    /// Stamps the record's last change. A change still ahead of <paramref name="now"/> (a due, close or end date to
    /// come) has not happened: such a record was last modified when it was created, as in a real org, instead of
    /// every one of them carrying the org's "now" (which would put them all in every incremental pull's lookback).
    /// </summary>
    public static void StampLastChange(this ObjectTable table, int row, long changeMillis, long nowMillis) =>
        table.Stamp(row, changeMillis <= nowMillis ? changeMillis : table.CreatedDate[row]);
}

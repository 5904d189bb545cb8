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

    public static void Stamp(this ObjectTable table, int row, long modifiedMillis)
    {
        table.Touch(row, Math.Max(modifiedMillis, table.CreatedDate[row]));
    }
}

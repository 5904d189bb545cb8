namespace CrmSync.Sandbox.Org;

internal enum ValueKind : byte
{
    Null,
    Text,
    Number,
    Boolean,
    Date,
    DateTime,
}

/// <summary>
/// One field value without boxing: numbers in <see cref="Number"/>, dates as day numbers and
/// datetimes as epoch milliseconds in <see cref="Ticks"/>, text and ids in <see cref="Text"/>.
/// </summary>
internal readonly record struct FieldValue(ValueKind Kind, double Number, long Ticks, string? Text)
{
    public static readonly FieldValue Null = default;

    public bool IsNull => Kind == ValueKind.Null;

    public static FieldValue OfText(string? text) => text is null ? Null : new(ValueKind.Text, 0, 0, text);

    public static FieldValue OfNumber(double number) => new(ValueKind.Number, number, 0, null);

    public static FieldValue OfBoolean(bool value) => new(ValueKind.Boolean, value ? 1 : 0, 0, null);

    public static FieldValue OfDate(DateOnly date) => new(ValueKind.Date, 0, date.DayNumber, null);

    public static FieldValue OfDateTime(long epochMillis) => new(ValueKind.DateTime, 0, epochMillis, null);

    public static FieldValue OfDateTime(DateTimeOffset instant) => OfDateTime(instant.ToUnixTimeMilliseconds());

    /// <summary>Orders like SOQL: nulls first, then by value.</summary>
    public static int Compare(in FieldValue left, in FieldValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return left.IsNull.CompareTo(right.IsNull) * -1;
        }
        return left.Kind switch
        {
            ValueKind.Text => string.Compare(left.Text, right.Text, StringComparison.OrdinalIgnoreCase),
            ValueKind.Number or ValueKind.Boolean => left.Number.CompareTo(right.Number),
            _ => left.Ticks.CompareTo(right.Ticks),
        };
    }
}

using System.Globalization;

namespace CrmSync.Sandbox.Wire;

/// <summary>Salesforce's textual forms of numbers, dates and datetimes.</summary>
internal static class WireFormat
{
    /// <summary>REST JSON datetimes: <c>2026-03-08T10:15:30.000+0000</c>.</summary>
    public static string RestDateTime(long epochMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static string RestDateTime(DateTimeOffset instant) => RestDateTime(instant.ToUnixTimeMilliseconds());

    /// <summary>Bulk API CSV datetimes: <c>2026-03-08T10:15:30.000Z</c>.</summary>
    public static string BulkDateTime(long epochMillis) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMillis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Java's Double.toString, which Salesforce uses for every number field: plain notation with
    /// at least one fraction digit for 1e-3 ≤ |d| &lt; 1e7 (<c>1500.0</c>), otherwise computerized
    /// scientific notation (<c>1.39E8</c>, <c>1.0E-4</c>).
    /// </summary>
    public static string JavaDouble(double value)
    {
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest.AsSpan(exponentAt + 1), CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var digits = dot < 0 ? mantissa : integerPart + mantissa[(dot + 1)..];
        var pointAt = integerPart.Length + exponent;
        var trimmed = digits.TrimStart('0');
        pointAt -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');

        var sign = value < 0 ? "-" : "";
        var scientificExponent = pointAt - 1;
        if (scientificExponent is >= -3 and < 7)
        {
            if (pointAt <= 0)
            {
                return sign + "0." + new string('0', -pointAt) + digits;
            }
            if (pointAt >= digits.Length)
            {
                return sign + digits + new string('0', pointAt - digits.Length) + ".0";
            }
            return sign + digits[..pointAt] + "." + digits[pointAt..];
        }
        var fraction = digits.Length > 1 ? digits[1..] : "0";
        return sign + digits[0] + "." + fraction + "E" + scientificExponent.ToString(CultureInfo.InvariantCulture);
    }
}

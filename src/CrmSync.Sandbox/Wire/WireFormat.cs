using System.Globalization;

namespace CrmSync.Sandbox.Wire;

/// <summary>Salesforce's textual forms of numbers, dates and datetimes.</summary>
internal static class WireFormat
{
    public const int RestDateTimeLength = 28;
    public const int BulkDateTimeLength = 24;
    public const int DateLength = 10;

    /// <summary>REST JSON datetimes: <c>2026-03-08T10:15:30.000+0000</c>.</summary>
    public static string RestDateTime(long epochMillis)
    {
        Span<char> text = stackalloc char[RestDateTimeLength];
        WriteDateTime(epochMillis, text, "+0000");
        return new string(text);
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.fff</c> and the zone suffix without allocating (these run per value of a million-row page).</summary>
    public static void WriteDateTime(long epochMillis, Span<char> destination, string zone)
    {
        var instant = DateTime.UnixEpoch.AddMilliseconds(epochMillis);
        WriteDate(DateOnly.FromDateTime(instant), destination);
        destination[10] = 'T';
        Digits(destination.Slice(11, 2), instant.Hour);
        destination[13] = ':';
        Digits(destination.Slice(14, 2), instant.Minute);
        destination[16] = ':';
        Digits(destination.Slice(17, 2), instant.Second);
        destination[19] = '.';
        Digits(destination.Slice(20, 3), instant.Millisecond);
        zone.AsSpan().CopyTo(destination[23..]);
    }

    public static void WriteDate(DateOnly date, Span<char> destination)
    {
        Digits(destination[..4], date.Year);
        destination[4] = '-';
        Digits(destination.Slice(5, 2), date.Month);
        destination[7] = '-';
        Digits(destination.Slice(8, 2), date.Day);
    }

    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Java's form of a whole number below 1e7 ("1500.0"), the common case, without the general path's allocations.</summary>
    public static bool TryWriteWholeNumber(double value, Span<char> destination, out int written)
    {
        written = 0;
        if (value != Math.Floor(value) || Math.Abs(value) >= 1e7 || (value == 0 && double.IsNegative(value)))
        {
            return false;
        }
        if (!((long)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture))
        {
            return false;
        }
        destination[written++] = '.';
        destination[written++] = '0';
        return true;
    }

    public static string RestDateTime(DateTimeOffset instant) => RestDateTime(instant.ToUnixTimeMilliseconds());

    /// <summary>Bulk API CSV datetimes: <c>2026-03-08T10:15:30.000Z</c>.</summary>
    public static string BulkDateTime(long epochMillis)
    {
        Span<char> text = stackalloc char[BulkDateTimeLength];
        WriteDateTime(epochMillis, text, "Z");
        return new string(text);
    }

    public static string Date(int dayNumber)
    {
        Span<char> text = stackalloc char[DateLength];
        WriteDate(DateOnly.FromDayNumber(dayNumber), text);
        return new string(text);
    }

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

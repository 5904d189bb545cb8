using System.Globalization;
using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Pull;

/// <summary>
/// Salesforce's text for typed values, as REST and Bulk write them. Dates and datetimes come in
/// one fixed layout; they are read digit by digit, the general parser only when the layout differs.
/// </summary>
internal static class SalesforceText
{
    /// <summary>The value as its column stores it, or null when the text is not a <paramref name="kind"/>.</summary>
    public static object? Parse(string text, FieldKind kind) => kind switch
    {
        FieldKind.Money or FieldKind.Number or FieldKind.Percent =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
        FieldKind.Boolean => bool.TryParse(text, out var flag) ? flag : null,
        FieldKind.Date => TryParseDate(text, out var date) ? date : null,
        FieldKind.DateTime => TryParseDateTime(text, out var instant) ? instant : null,
        _ => text,
    };

    /// <summary><c>2026-03-08</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly value)
    {
        if (text.Length == 10 && TryDate(text, out var year, out var month, out var day) && IsDate(year, month, day))
        {
            value = new DateOnly(year, month, day);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>UTC. <c>2026-03-08T10:15:30.000Z</c> (Bulk), <c>2026-03-08T10:15:30.000+0000</c> (REST), or any other ISO 8601 offset.</summary>
    public static bool TryParseDateTime(string text, out DateTime value)
    {
        if ((text.Length == 24 && text[23] == 'Z') || (text.Length == 28 && text.EndsWith("+0000", StringComparison.Ordinal)))
        {
            if (text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == '.'
                && TryDate(text, out var year, out var month, out var day)
                && TryDigits(text, 11, 2, out var hour) && TryDigits(text, 14, 2, out var minute)
                && TryDigits(text, 17, 2, out var second) && TryDigits(text, 20, 3, out var millisecond)
                && IsDate(year, month, day) && hour < 24 && minute < 60 && second < 60)
            {
                value = new DateTime(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc);
                return true;
            }
        }

        var normalized = text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) ? text.Insert(text.Length - 2, ":") : text;
        var parsed = DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var offset);
        value = parsed ? offset.UtcDateTime : default;
        return parsed;
    }

    private static bool TryDate(string text, out int year, out int month, out int day)
    {
        (month, day) = (0, 0);
        return TryDigits(text, 0, 4, out year) && text[4] == '-' && text[7] == '-' && TryDigits(text, 5, 2, out month) && TryDigits(text, 8, 2, out day);
    }

    private static bool IsDate(int year, int month, int day) =>
        year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}

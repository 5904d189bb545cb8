using System.Globalization;
using System.Text.Json;

namespace CrmSync.Sync.Tests.Pull;

/// <summary>One text form for a value read from PostgreSQL or from Salesforce JSON, so the two can be compared.</summary>
public static class Canonical
{
    public static string? FromDatabase(object value) => value switch
    {
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string? FromJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.############", CultureInfo.InvariantCulture),
        _ when value.GetString() is { Length: 28 } text && text[10] == 'T' => SalesforceDateTime(text),
        _ => value.GetString(),
    };

    /// <summary><c>2026-03-08T10:15:30.000+0000</c>: local part, then a ±hhmm offset.</summary>
    private static string SalesforceDateTime(string text)
    {
        var local = DateTime.ParseExact(text[..23], "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var offset = new TimeSpan(int.Parse(text[24..26], CultureInfo.InvariantCulture), int.Parse(text[26..28], CultureInfo.InvariantCulture), 0);
        var utc = text[23] == '+' ? local - offset : local + offset;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}

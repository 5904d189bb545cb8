using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Json;

/// <summary>
/// Salesforce writes datetimes as <c>2026-03-08T10:15:30.000+0000</c> (offset without a colon), which
/// System.Text.Json rejects by default. Reads that form and ISO 8601 forms; writes Salesforce's form in UTC.
/// </summary>
public sealed class SalesforceDateTimeConverter : JsonConverter<DateTimeOffset>
{
    private const string WriteFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'";

    private static readonly string[] ReadFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
        "yyyy-MM-dd'T'HH:mm:ss.fffK",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("Expected a datetime string, got null.");
        return Parse(text);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(WriteFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text)
    {
        var normalized = InsertOffsetColon(text);
        if (DateTimeOffset.TryParseExact(normalized, ReadFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var value)
            || DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a Salesforce datetime.");
    }

    /// <summary><c>+0000</c> → <c>+00:00</c> so the standard offset specifier understands it.</summary>
    private static string InsertOffsetColon(string text)
    {
        var signAt = text.Length - 5;
        if (signAt > 10 && (text[signAt] == '+' || text[signAt] == '-')
            && !text.AsSpan(signAt + 1).ContainsAnyExceptInRange('0', '9'))
        {
            return string.Concat(text.AsSpan(0, signAt + 3), ":", text.AsSpan(signAt + 3));
        }

        return text;
    }
}

/// <summary>The same datetimes for callers that type fields as <see cref="DateTime"/>: read as UTC, written as UTC.</summary>
public sealed class SalesforceUtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SalesforceDateTimeConverter.Parse(reader.GetString() ?? throw new JsonException("Expected a datetime string, got null.")).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(SalesforceDateTimeConverter.Format(value.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(value, TimeSpan.Zero)
            : new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero)));
}

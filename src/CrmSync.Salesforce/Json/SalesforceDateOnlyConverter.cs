using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Json;

/// <summary>Salesforce Date fields: <c>2026-03-08</c>.</summary>
public sealed class SalesforceDateOnlyConverter : JsonConverter<DateOnly>
{
    private const string Format = "yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("Expected a date string, got null.");
        return DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonException($"'{text}' is not a Salesforce date (yyyy-MM-dd).");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}

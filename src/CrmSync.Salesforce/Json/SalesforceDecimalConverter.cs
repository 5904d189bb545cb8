using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Json;

/// <summary>
/// Salesforce serialises Currency and Number fields as doubles, large ones in exponent form (<c>1.39E8</c>).
/// Reads both into <see cref="decimal"/> exactly; writes plain decimal notation.
/// </summary>
public sealed class SalesforceDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return ParseText(reader.GetString());
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number, got {reader.TokenType}.");
        }

        if (reader.TryGetDecimal(out var value))
        {
            return value;
        }

        var raw = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        return ParseText(raw);
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);

    private static decimal ParseText(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a number.");
}

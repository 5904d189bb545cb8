using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Json;

/// <summary>
/// A record to write. Serialises as Salesforce expects in collections:
/// <c>{"attributes":{"type":"Account"},"id":"001…","Field__c":1.5}</c> (no <c>id</c> when it is null).
/// </summary>
public sealed record SObjectRecord(string ObjectType, IReadOnlyDictionary<string, object?> Fields)
{
    public string? Id { get; init; }
}

internal sealed class SObjectRecordConverter : JsonConverter<SObjectRecord>
{
    public override SObjectRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("SObjectRecord is write-only; read records into JsonElement or a typed SObject.");

    public override void Write(Utf8JsonWriter writer, SObjectRecord value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributes");
        writer.WriteString("type", value.ObjectType);
        writer.WriteEndObject();
        if (value.Id is not null)
        {
            writer.WriteString("id", value.Id);
        }

        foreach (var (name, fieldValue) in value.Fields)
        {
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, fieldValue, fieldValue?.GetType() ?? typeof(object), options);
        }

        writer.WriteEndObject();
    }
}

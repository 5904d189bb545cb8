using System.Text.Json;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Wire;

/// <summary>A record as the REST API writes it: attributes {type, url} first, then the fields, nulls included.</summary>
internal static class RecordJson
{
    private static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");

    public static void Write(Utf8JsonWriter writer, ObjectTable table, IReadOnlyList<Column> columns, int row, string apiVersion)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(Attributes);
        writer.WriteString(Type, table.Name);
        writer.WriteString(Url, $"/services/data/v{apiVersion}/sobjects/{table.Name}/{table.IdOf(row)}");
        writer.WriteEndObject();
        foreach (var column in columns)
        {
            writer.WritePropertyName(column.JsonName);
            column.WriteJson(writer, row);
        }
        writer.WriteEndObject();
    }
}

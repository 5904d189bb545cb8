using System.Text.Json;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Wire;

/// <summary>A record as the REST API writes it: attributes {type, url} first, then the fields, nulls included.</summary>
internal static class RecordJson
{
    private static readonly JsonEncodedText Attributes = JsonEncodedText.Encode("attributes");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");

    /// <summary>"/services/data/v62.0/sobjects/Opportunity/": computed once per page, the id is appended per record.</summary>
    public static string UrlPrefix(ObjectTable table, string apiVersion) => $"/services/data/v{apiVersion}/sobjects/{table.Name}/";

    public static void Write(Utf8JsonWriter writer, ObjectTable table, IReadOnlyList<Column> columns, int row, string urlPrefix)
    {
        writer.WriteStartObject();
        writer.WriteStartObject(Attributes);
        writer.WriteString(Type, table.Name);
        Span<char> url = stackalloc char[urlPrefix.Length + SalesforceId.Length];
        urlPrefix.AsSpan().CopyTo(url);
        SalesforceId.Write(table.Definition.KeyPrefix, row, url[urlPrefix.Length..]);
        writer.WriteString(Url, url);
        writer.WriteEndObject();
        foreach (var column in columns)
        {
            writer.WritePropertyName(column.JsonName);
            column.WriteJson(writer, row);
        }
        writer.WriteEndObject();
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSync.Salesforce.Bulk;
using CrmSync.Store.Synced;
using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Pull;

/// <summary>
/// Turns a Salesforce record (REST JSON or Bulk CSV text) into a row of its <c>sf_*</c> table.
/// A value that does not fit its column is an error naming object, record and field: storing
/// garbage silently would be worse.
/// </summary>
public sealed class RecordConverter(PullPlan plan)
{
    public SyncedRow FromJson(JsonElement record) => Convert(
        name => record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : null,
        name => record.TryGetProperty(name, out var value) ? JsonNode.Parse(value.GetRawText()) : null);

    public SyncedRow FromBulk(BulkRecord record) => Convert(
        name => record[name] is { Length: > 0 } text ? text : null,
        name => record[name] is { Length: > 0 } text ? JsonValue.Create(text) : null);

    private SyncedRow Convert(Func<string, string?> read, Func<string, JsonNode?> readJson)
    {
        var id = read("Id") ?? throw Invalid("(no Id)", "Id", "missing");
        var modstamp = ParseDateTime(read("SystemModstamp") ?? throw Invalid(id, "SystemModstamp", "missing"));
        var deleted = read("IsDeleted") is { } flag && bool.Parse(flag);

        var values = new object?[plan.ColumnSources.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (plan.ColumnSources[i] is { } apiName && read(apiName) is { } text)
            {
                values[i] = Parse(text, plan.Entity.Fields[i].Kind, id, apiName);
            }
        }

        return new SyncedRow(id, modstamp, values, plan.Keep.Count == 0 ? NothingKept : Kept(readJson), deleted);
    }

    private const string NothingKept = "{}";

    private string Kept(Func<string, JsonNode?> readJson)
    {
        var raw = new JsonObject();
        foreach (var kept in plan.Keep)
        {
            raw[kept] = readJson(kept);
        }

        return raw.ToJsonString();
    }

    private object Parse(string text, FieldKind kind, string id, string apiName)
    {
        try
        {
            return kind switch
            {
                FieldKind.Money or FieldKind.Number or FieldKind.Percent => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                FieldKind.Boolean => bool.Parse(text),
                FieldKind.Date => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                FieldKind.DateTime => ParseDateTime(text),
                _ => text,
            };
        }
        catch (FormatException)
        {
            throw Invalid(id, apiName, $"'{text}' is not a {kind}");
        }
        catch (OverflowException)
        {
            throw Invalid(id, apiName, $"'{text}' is out of range");
        }
    }

    /// <summary>REST writes <c>2026-03-08T10:15:30.000+0000</c>, Bulk <c>2026-03-08T10:15:30.000Z</c>.</summary>
    public static DateTime ParseDateTime(string text)
    {
        var normalized = text.Length > 5 && text[^5] is '+' or '-' && char.IsAsciiDigit(text[^1]) ? text.Insert(text.Length - 2, ":") : text;
        return DateTimeOffset.Parse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime;
    }

    private InvalidDataException Invalid(string id, string field, string problem) =>
        new($"{plan.Mapping.ObjectName} {id}: field {field}: {problem} (mapped in {plan.Mapping.Location.File}).");
}

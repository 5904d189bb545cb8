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
    private const int IdField = 0;
    private const int ModstampField = 1;
    private const int DeletedField = 2;
    private const int FirstColumnField = 3;
    private const string NothingKept = "{}";

    // The fields read, numbered: a Bulk page's columns are matched to them once per page, not
    // once per value (a million-row pull reads ten million values).
    private readonly string?[] fieldNames = ["Id", "SystemModstamp", "IsDeleted", .. plan.ColumnSources];
    private BulkColumns? pageColumns;
    private int[] pageIndexes = [];

    public SyncedRow FromJson(JsonElement record) => Convert(new JsonFields(record, fieldNames));

    public SyncedRow FromBulk(BulkRecord record)
    {
        if (!ReferenceEquals(record.Columns, pageColumns))
        {
            pageIndexes = fieldNames.Select(name => name is not null && record.Columns.TryGetIndex(name, out var i) ? i : -1).ToArray();
            pageColumns = record.Columns;
        }

        return Convert(new BulkFields(record, pageIndexes));
    }

    private SyncedRow Convert<TFields>(TFields fields)
        where TFields : IFields
    {
        var id = fields.Read(IdField) ?? throw Invalid("(no Id)", "Id", "missing");
        var modstampText = fields.Read(ModstampField) ?? throw Invalid(id, "SystemModstamp", "missing");
        var modstamp = SalesforceText.TryParseDateTime(modstampText, out var parsed) ? parsed : throw Invalid(id, "SystemModstamp", $"'{modstampText}' is not a DateTime");
        var deleted = fields.Read(DeletedField) is { } flag && bool.Parse(flag);

        var values = new object?[plan.ColumnSources.Count];
        for (var i = 0; i < values.Length; i++)
        {
            if (fields.Read(FirstColumnField + i) is { } text)
            {
                var kind = plan.Entity.Fields[i].Kind;
                values[i] = SalesforceText.Parse(text, kind) ?? throw Invalid(id, plan.ColumnSources[i]!, $"'{text}' is not a {kind}");
            }
        }

        return new SyncedRow(id, modstamp, values, plan.Keep.Count == 0 ? NothingKept : Kept(fields), deleted);
    }

    private string Kept<TFields>(TFields fields)
        where TFields : IFields
    {
        var raw = new JsonObject();
        foreach (var kept in plan.Keep)
        {
            raw[kept] = fields.ReadJson(kept);
        }

        return raw.ToJsonString();
    }

    private InvalidDataException Invalid(string id, string field, string problem) =>
        new($"{plan.Mapping.ObjectName} {id}: field {field}: {problem} (mapped in {plan.Mapping.Location.File}).");

    /// <summary>A record's fields by number (null when absent, empty or JSON null), and kept fields as JSON.</summary>
    private interface IFields
    {
        string? Read(int field);

        JsonNode? ReadJson(string name);
    }

    private readonly struct JsonFields(JsonElement record, string?[] names) : IFields
    {
        public string? Read(int field) =>
            names[field] is { } name && record.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
                : null;

        public JsonNode? ReadJson(string name) => record.TryGetProperty(name, out var value) ? JsonNode.Parse(value.GetRawText()) : null;
    }

    private readonly struct BulkFields(BulkRecord record, int[] indexes) : IFields
    {
        public string? Read(int field) =>
            indexes[field] is var at && at >= 0 && at < record.FieldCount && record[at] is { Length: > 0 } text ? text : null;

        public JsonNode? ReadJson(string name) => record[name] is { Length: > 0 } text ? JsonValue.Create(text) : null;
    }
}

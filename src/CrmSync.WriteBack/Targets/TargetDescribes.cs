using System.Text.Json;
using CrmSync.Salesforce.Rest;
using Npgsql;

namespace CrmSync.WriteBack.Targets;

/// <summary>
/// The describe of each target object, kept in crmsync.write_target_describe: a run reads the stored one to find
/// out whether anything changed at all, and asks Salesforce again only when it is about to write (or has none).
/// </summary>
public sealed class TargetDescribes(NpgsqlDataSource dataSource, ISalesforceClient client, TimeProvider clock)
{
    /// <summary>The stored describe, or null when this object was never described.</summary>
    public async Task<IReadOnlyList<FieldSpec>?> StoredAsync(string objectName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Ledger.LedgerSql.ReadDescribe, connection) { Parameters = { new() { Value = objectName } } };
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<List<FieldSpec>>(json) : null;
    }

    /// <summary>Describes the object now (one API call) and stores the answer.</summary>
    public async Task<IReadOnlyList<FieldSpec>> FetchAsync(string objectName, CancellationToken cancellationToken)
    {
        var describe = await client.DescribeAsync(objectName, cancellationToken);
        var fields = describe.Fields.Select(ToSpec).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Ledger.LedgerSql.SaveDescribe, connection)
        {
            Parameters = { new() { Value = objectName }, new() { Value = JsonSerializer.Serialize(fields) }, new() { Value = clock.GetUtcNow() } },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
        return fields;
    }

    public static FieldSpec ToSpec(FieldDescribe field) => new(
        field.Name, field.Type, field.Precision, field.Scale, field.Length, field.Createable, field.Updateable && !field.Calculated, field.ExternalId,
        field.PicklistValues?.Where(p => p.Active).Select(p => p.Value).ToList() ?? []);
}

using CrmSync.Testing;
using Npgsql;

namespace CrmSync.Metrics.Tests.Org;

/// <summary>
/// Puts a <see cref="TestOrg"/> into the (emptied) database of an <see cref="OrgStore"/>, runs
/// <c>compute --as-of</c> through the command line in-process and reads what the run stored.
/// </summary>
public static class OrgComputation
{
    /// <summary>The sandbox's as-of: W = (2025-11-01, 2026-11-01], W₋₁ = (2024-11-01, 2025-11-01].</summary>
    public const string DefaultAsOf = "2026-11-01T00:00:00Z";

    public const string MappingsPathKey = "Sync:MappingsPath=";

    private static readonly Dictionary<string, string> ObjectNames = new()
    {
        ["account"] = "Account", ["campaign"] = "Campaign", ["campaign_member"] = "CampaignMember", ["case"] = "Case",
        ["contact"] = "Contact", ["deal"] = "Opportunity", ["event"] = "Event", ["invoice"] = "Invoice__c", ["lead"] = "Lead",
        ["product_usage"] = "Product_Usage__c", ["survey"] = "Survey_Response__c", ["task"] = "Task",
    };

    /// <summary>Computes the org as of <see cref="DefaultAsOf"/> with <paramref name="settings"/> ("Key=Value") on top of the defaults.</summary>
    public static Task<StoredRun> ComputeAsync(this TestOrg org, OrgStore store, params string[] settings) =>
        org.ComputeAsOfAsync(store, DefaultAsOf, settings);

    public static async Task<StoredRun> ComputeAsOfAsync(this TestOrg org, OrgStore store, string asOf, params string[] settings)
    {
        await using (var connection = new NpgsqlConnection(store.PooledConnectionString))
        {
            await connection.OpenAsync();
            await OrgStore.ClearAsync(connection);
            await InsertAsync(org, connection);
        }

        // A key may be given once: the repository's mappings unless the test points elsewhere.
        var mappings = settings.Any(s => s.StartsWith(MappingsPathKey, StringComparison.Ordinal)) ? [] : new[] { MappingsPathKey + RepositoryRoot.Combine("mappings") };
        string[] all = ["ConnectionStrings:CrmSync=" + store.PooledConnectionString, .. mappings, .. settings];
        await OrgStore.RunVerbAsync(["compute", "--as-of", asOf, .. all.SelectMany(setting => new[] { "--set", setting })]);
        return await StoredRun.ReadNewestAsync(store.PooledConnectionString);
    }

    private static async Task InsertAsync(TestOrg org, NpgsqlConnection connection)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var row in org.Rows)
        {
            // Table and column names come from TestOrg's constants; every value is a parameter.
            var columns = string.Join(", ", row.Columns.Select(c => c.Column));
            var placeholders = string.Join(", ", row.Columns.Select((_, i) => "$" + (i + 3)));
            var command = new NpgsqlBatchCommand($"INSERT INTO crmsync.sf_{row.Source} (id, system_modstamp, {columns}) VALUES ($1, $2, {placeholders})");
            command.Parameters.Add(new NpgsqlParameter { Value = row.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
            foreach (var (_, value) in row.Columns)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        foreach (var source in org.ConfiguredSources)
        {
            var pulled = new NpgsqlBatchCommand(
                "INSERT INTO crmsync.sync_state (source, object_name, fields_signature, full_pull_complete, last_success_at) VALUES ($1, $2, 'hand-built', true, now())");
            pulled.Parameters.Add(new NpgsqlParameter { Value = source });
            pulled.Parameters.Add(new NpgsqlParameter { Value = ObjectNames[source] });
            batch.BatchCommands.Add(pulled);
        }

        await batch.ExecuteNonQueryAsync();
    }
}

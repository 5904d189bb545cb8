using System.Text.Json;
using Npgsql;

namespace CrmSync.Integration.Tests.Metrics;

/// <summary>account_metric and segment_metric of the newest succeeded run with a given as-of.</summary>
public sealed class StoredMetrics
{
    private readonly Dictionary<string, Dictionary<string, object?>> accounts = [];
    private readonly Dictionary<string, Dictionary<string, long>> accountRecordsUsed = [];
    private readonly Dictionary<(string, string), (decimal? Value, long RecordsUsed)> segments = [];

    /// <summary>Account id → account_metric column → value.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, object?>> Accounts => accounts;

    public IReadOnlyDictionary<(string Segment, string Metric), (decimal? Value, long RecordsUsed)> Segments => segments;

    /// <summary>account_metric.records_used of one metric; null when the run lists none for it.</summary>
    public long? RecordsUsed(string account, string metric) =>
        accountRecordsUsed.TryGetValue(account, out var used) && used.TryGetValue(metric, out var count) ? count : null;

    public static async Task<StoredMetrics> ReadAsync(string connectionString, DateTime asOf)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var run = new NpgsqlCommand("SELECT max(id) FROM crmsync.metric_run WHERE status = 'succeeded' AND as_of = $1", connection);
        run.Parameters.Add(new NpgsqlParameter { Value = asOf });
        var runId = await run.ExecuteScalarAsync() as long? ?? throw new InvalidOperationException($"no succeeded metric run as of {asOf:O}");
        var stored = new StoredMetrics();
        await stored.ReadAccountsAsync(connection, runId);
        await stored.ReadSegmentsAsync(connection, runId);
        return stored;
    }

    private async Task ReadAccountsAsync(NpgsqlConnection connection, long runId)
    {
        await using var command = new NpgsqlCommand("SELECT * FROM crmsync.account_metric WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = Enumerable.Range(0, reader.FieldCount).ToDictionary(
                reader.GetName,
                i => reader.IsDBNull(i) ? null : reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i) : reader.GetValue(i));
            var account = (string)row["account_id"]!;
            accounts[account] = row;
            accountRecordsUsed[account] = JsonSerializer.Deserialize<Dictionary<string, long>>((string)row["records_used"]!) ?? [];
        }
    }

    private async Task ReadSegmentsAsync(NpgsqlConnection connection, long runId)
    {
        await using var command = new NpgsqlCommand("SELECT segment, metric, value, records_used FROM crmsync.segment_metric WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            segments[(reader.GetString(0), reader.GetString(1))] = (reader.IsDBNull(2) ? null : reader.GetDecimal(2), reader.GetInt64(3));
        }
    }
}

using System.Text.Json;
using Npgsql;

namespace CrmSync.Metrics.Tests.Org;

/// <summary>What the newest succeeded metric run stored: account_metric, segment_metric and metric_quality.</summary>
public sealed class StoredRun
{
    private readonly Dictionary<string, Dictionary<string, object?>> accounts = [];
    private readonly Dictionary<(string Segment, string Metric), (decimal? Value, long RecordsUsed)> portfolio = [];
    private readonly Dictionary<string, MetricQuality> quality = [];

    private StoredRun(long id) => Id = id;

    public long Id { get; }

    public IReadOnlyCollection<string> AccountIds => accounts.Keys;

    /// <summary>A numeric column of account_metric (null when stored null).</summary>
    public decimal? Value(string account, string column) => (decimal?)Row(account)[column];

    /// <summary>A numeric column that must not be null.</summary>
    public decimal Number(string account, string column) =>
        Value(account, column) ?? throw new Xunit.Sdk.XunitException($"{column} of {account} is null");

    public bool? Flag(string account, string column) => (bool?)Row(account)[column];

    public string Segment(string account) => (string)Row(account)["segment"]!;

    public DateOnly? FirstPurchase(string account) => (DateOnly?)Row(account)["first_purchase"];

    /// <summary>account_metric.records_used of one metric (0 when the metric is not listed).</summary>
    public long RecordsUsed(string account, string metric)
    {
        using var json = JsonDocument.Parse((string)Row(account)["records_used"]!);
        return json.RootElement.TryGetProperty(metric, out var used) ? used.GetInt64() : 0;
    }

    /// <summary>A segment_metric value; <paramref name="segment"/> "(all)" is the org.</summary>
    public decimal? Portfolio(string metric, string segment = "(all)") =>
        portfolio.TryGetValue((segment, metric), out var row) ? row.Value : throw new Xunit.Sdk.XunitException($"no segment_metric row ({segment}, {metric})");

    public long PortfolioRecordsUsed(string metric, string segment = "(all)") => portfolio[(segment, metric)].RecordsUsed;

    public MetricQuality Quality(string metric) =>
        quality.TryGetValue(metric, out var row) ? row : throw new Xunit.Sdk.XunitException($"no metric_quality row for {metric}");

    public static async Task<StoredRun> ReadNewestAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var newest = new NpgsqlCommand("SELECT id FROM crmsync.metric_run WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1", connection);
        var run = new StoredRun((long)(await newest.ExecuteScalarAsync() ?? throw new Xunit.Sdk.XunitException("no succeeded metric run")));
        await run.ReadAccountsAsync(connection);
        await run.ReadPortfolioAsync(connection);
        await run.ReadQualityAsync(connection);
        return run;
    }

    private Dictionary<string, object?> Row(string account) =>
        accounts.TryGetValue(account, out var row) ? row : throw new Xunit.Sdk.XunitException($"no account_metric row for {account}");

    private async Task ReadAccountsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT * FROM crmsync.account_metric WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Id });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null
                    : reader.GetDataTypeName(i) == "date" ? reader.GetFieldValue<DateOnly>(i)
                    : reader.GetValue(i);
            }

            accounts[(string)row["account_id"]!] = row;
        }
    }

    private async Task ReadPortfolioAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT segment, metric, value, records_used FROM crmsync.segment_metric WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Id });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            portfolio[(reader.GetString(0), reader.GetString(1))] = (reader.IsDBNull(2) ? null : reader.GetDecimal(2), reader.GetInt64(3));
        }
    }

    private async Task ReadQualityAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT metric, configured, records_used, records_skipped, reasons::text FROM crmsync.metric_quality WHERE run_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Id });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var reasons = JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(4)) ?? [];
            quality[reader.GetString(0)] = new MetricQuality(reader.GetBoolean(1), reader.GetInt64(2), reader.GetInt64(3), reasons);
        }
    }
}

/// <summary>One metric_quality row.</summary>
public sealed record MetricQuality(bool Configured, long RecordsUsed, long RecordsSkipped, IReadOnlyDictionary<string, long> Reasons)
{
    /// <summary>The count of the reason the README names (stored keys may add a prefix such as "flagged: deal …").</summary>
    public long Reason(string reason) => Reasons.Where(r => r.Key.Contains(reason, StringComparison.Ordinal)).Sum(r => r.Value);
}

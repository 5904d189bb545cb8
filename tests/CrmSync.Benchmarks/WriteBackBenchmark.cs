using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce;
using CrmSync.Salesforce.Bulk;
using CrmSync.Sandbox;
using CrmSync.Store;
using CrmSync.Store.Migrations;
using CrmSync.WriteBack;
using CrmSync.WriteBack.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmSync.Benchmarks;

/// <summary>
/// <c>crmsync writeback</c> of --accounts N (default 100,000) accounts: the first time (every field of every account),
/// after a change of 1 % of the accounts (one field each), and with nothing changed: API calls and wall time.
/// The metric run is synthetic (random values of the right kinds), so only the write-back is measured.
/// </summary>
internal sealed class WriteBackBenchmark : IBenchmark
{
    private const string FillAccountMetrics = """
        SELECT setseed(0.42);
        INSERT INTO crmsync.account_metric (run_id, account_id, segment, is_customer, repeat_purchase_value, growth_value, growth_volume,
            contact_frequency, csat, nps, response_time_hours, win_rate, resolution_rate, fcr_rate, engagement_score, avg_transaction_value,
            avg_payment_days, churn_cost, post_sale_satisfaction, campaign_response_rate, usage_days_per_week, upgrades_per_year, retained, records_used)
        SELECT $1, id, 'Segment ' || (n % 10), true, random() * 100000, random() * 2 - 1, random() * 2 - 1, random() * 20, 1 + random() * 9,
               random() * 200 - 100, random() * 100, random(), random(), random(), random() * 500, random() * 60000, random() * 60,
               random() * 100000, 1 + random() * 9, random(), random() * 7, random() * 3, random() < 0.7, '{}'
        FROM unnest($2::text[]) WITH ORDINALITY AS a(id, n);
        INSERT INTO crmsync.account_clv (run_id, account_id, purchases, frequency, recency, age, clv_historical, p_alive, expected_purchases,
            expected_deal_value, clv_predicted, clv_tier, next_best_action, next_purchase_date)
        SELECT $1, id, 3, 2, 40, 100, random() * 500000, random(), random() * 5, random() * 60000, random() * 300000,
               (ARRAY['Platinum', 'Gold', 'Silver', 'Bronze'])[1 + (n % 4)], 'Call the customer', DATE '2026-12-01' + (n % 90)::int
        FROM unnest($2::text[]) WITH ORDINALITY AS a(id, n);
        INSERT INTO crmsync.segment_metric (run_id, segment, metric, value, records_used)
        SELECT $1, s, m, random(), 100 FROM unnest(ARRAY['(all)', 'Segment 0', 'Segment 1', 'Segment 2', 'Segment 3', 'Segment 4']) s,
               unnest(ARRAY['retention_rate', 'acquisition_rate', 'csat', 'nps', 'churn_cost', 'win_rate']) m;
        """;

    private const string NewRun = """
        INSERT INTO crmsync.metric_run (as_of, period_months, window_start, previous_window_start, settings, mapping_version, status, started_at, finished_at)
        VALUES ('2026-11-01Z', 12, '2025-11-01Z', '2024-11-01Z', '{}', 'benchmark', 'succeeded', now(), now()) RETURNING id
        """;

    /// <summary>A run like $1 in which every 100th account has another win rate.</summary>
    private const string CopyWithOnePercentChanged = """
        INSERT INTO crmsync.account_metric SELECT $2, account_id, segment, is_customer, first_purchase, repeat_purchase_value, growth_value,
            growth_volume, contact_frequency, csat, nps, response_time_hours,
            CASE WHEN row_number() OVER (ORDER BY account_id) % 100 = 0 THEN 1 - win_rate ELSE win_rate END,
            resolution_rate, fcr_rate, engagement_score, avg_transaction_value, avg_payment_days, churn_cost, post_sale_satisfaction,
            campaign_response_rate, usage_days_per_week, upgrades_per_year, retained, records_used
        FROM crmsync.account_metric WHERE run_id = $1;
        INSERT INTO crmsync.account_clv SELECT $2, account_id, purchases, frequency, recency, age, repeat_value, clv_historical, p_alive,
            expected_purchases, expected_deal_value, clv_predicted, clv_tier, next_best_action, next_purchase_date
        FROM crmsync.account_clv WHERE run_id = $1;
        INSERT INTO crmsync.segment_metric SELECT $2, segment, metric, value, records_used FROM crmsync.segment_metric WHERE run_id = $1;
        """;

    public string Name => "writeback";

    public string Description => "write-back of --accounts N (default 100000): first time, after a 1 % change, unchanged";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = BenchmarkArguments.Int(args, "--accounts", 100_000);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Accounts = accounts, DailyApiLimit = int.MaxValue }, cancellationToken);
        await using var database = await BenchmarkDatabase.StartAsync(cancellationToken);
        using var host = await StartHostAsync(sandbox, database.ConnectionString, cancellationToken);
        var ids = new List<string>(accounts);
        await foreach (var row in host.Services.GetRequiredService<IBulkQueries>().QueryAsync("SELECT Id FROM Account", includeDeleted: false, cancellationToken))
        {
            ids.Add(row["Id"]!);
        }

        var first = await ScalarAsync(database.ConnectionString, NewRun);
        await ExecuteAsync(database.ConnectionString, FillAccountMetrics, first, ids.ToArray());
        var targets = Targets();
        var runner = host.Services.GetRequiredService<WriteBackRunner>();
        await output.WriteLineAsync($"{ids.Count:N0} accounts, {targets[0].Fields.Count} Account fields each");
        await output.WriteLineAsync("| write-back | records sent | fields sent | via | API calls (sandbox count) | wall s |");
        await output.WriteLineAsync("|---|---|---|---|---|---|");
        await MeasureAsync("first time", runner, targets, sandbox, output, cancellationToken);

        var second = await ScalarAsync(database.ConnectionString, NewRun);
        await ExecuteAsync(database.ConnectionString, CopyWithOnePercentChanged, first, second);
        await MeasureAsync("after a 1 % change", runner, targets, sandbox, output, cancellationToken);
        await MeasureAsync("nothing changed", runner, targets, sandbox, output, cancellationToken);
    }

    private static async Task MeasureAsync(string label, WriteBackRunner runner, IReadOnlyList<WriteTarget> targets, SandboxServer sandbox, TextWriter output, CancellationToken cancellationToken)
    {
        var callsBefore = await SandboxCallsAsync(sandbox);
        var watch = Stopwatch.StartNew();
        var report = await runner.RunAsync(targets, dryRun: false, progress: null, cancellationToken);
        var wall = watch.Elapsed.TotalSeconds;
        var calls = await SandboxCallsAsync(sandbox) - callsBefore;
        var via = string.Join(" + ", report.Targets.Where(t => t.Sent > 0).Select(t => $"{t.ObjectName}: {t.Transport}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {report.Targets.Sum(t => t.Sent):N0} | {report.Targets.Sum(t => t.FieldsSent):N0} | {(via.Length > 0 ? via : "-")} | {calls:N0} | {wall:0.0} |"));
    }

    private static async Task<IHost> StartHostAsync(SandboxServer sandbox, string connectionString, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Testing.RepositoryRoot.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Testing.SandboxLogin.Settings(sandbox.BaseUri)) { ["ConnectionStrings:CrmSync"] = connectionString });
        builder.Services.AddLogging().AddCrmSyncStore().AddSalesforce().AddCrmSyncWriteBack();
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        return host;
    }

    /// <summary>The shipped mappings' targets (mappings/targets/*.yaml), as the writeback verb reads them.</summary>
    private static IReadOnlyList<WriteTarget> Targets() =>
        Sync.Mappings.MappingLoader.LoadFolder(Testing.RepositoryRoot.Combine("mappings")).Targets
            .OrderBy(t => t.Target == WriteTarget.Account ? 0 : 1)
            .Select(t => new WriteTarget(t.Target, t.ObjectName, t.Fields.Select(f => new TargetField(f.Logical, f.ApiName)).ToList(), t.ExternalIdField))
            .ToList();

    private static async Task<long> SandboxCallsAsync(SandboxServer sandbox)
    {
        using var http = new HttpClient();
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.BaseUri, "/__sandbox/stats")));
        return stats.RootElement.GetProperty("usage").GetProperty("callsByEndpoint").EnumerateObject().Sum(p => p.Value.GetInt64());
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            foreach (var parameter in parameters.Take(statement.Contains("$2", StringComparison.Ordinal) ? 2 : statement.Contains("$1", StringComparison.Ordinal) ? 1 : 0))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }
}

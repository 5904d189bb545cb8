using System.Diagnostics;
using System.Text.Json;
using CrmSync.Metrics.Kpis;
using CrmSync.Metrics.Lifetime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Metrics.Runs;

/// <summary>
/// One metric run: every KPI for every account, segment and the org, from the synced tables, stored
/// with its settings and data quality. The results and the run's 'succeeded' mark commit together.
/// </summary>
public sealed class MetricRunner(NpgsqlDataSource dataSource, IOptions<MetricsOptions> options, IOptions<ClvSettings> clv, TimeProvider clock, ILogger<MetricRunner> logger)
{
    public async Task<MetricRunSummary> RunAsync(DateTimeOffset? asOf, IReadOnlyDictionary<string, IReadOnlySet<string>> mappedFields, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var window = new RunWindow(asOf ?? started, options.Value.PeriodMonths);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await MetricRunStore.LockAndAbandonInterruptedAsync(connection, cancellationToken);
        var pulled = await MetricRunStore.PulledSourcesAsync(connection, cancellationToken);
        var availability = new SourceAvailability(mappedFields, pulled.Keys.ToHashSet(StringComparer.Ordinal), pulled);
        var run = new RunParameters(
            await MetricRunStore.StartAsync(connection, window, JsonSerializer.Serialize(new { Metrics = options.Value, Clv = clv.Value }), await MetricRunStore.MappingVersionAsync(connection, cancellationToken), started, cancellationToken),
            window, options.Value, availability.Sources, RunParameters.ConfiguredIn(availability));
        Log.RunStarted(logger, run.RunId, window.AsOf, window.WindowStart);
        try
        {
            var timings = await ComputeAsync(connection, run, progress, cancellationToken);
            var accounts = await CountAccountsAsync(connection, run.RunId, cancellationToken);
            Log.RunSucceeded(logger, run.RunId, accounts, clock.GetUtcNow() - started);
            var notConfigured = MetricCatalog.All.Select(m => m.Name).Except(run.ConfiguredMetrics).ToList();
            return new MetricRunSummary(run.RunId, window, accounts, timings, notConfigured);
        }
        catch (Exception e)
        {
            Log.RunFailed(logger, run.RunId, e);
            await MetricRunStore.FailAsync(connection, run.RunId, clock.GetUtcNow(), e.Message);
            throw;
        }
    }

    private async Task<IReadOnlyDictionary<string, long>> ComputeAsync(NpgsqlConnection connection, RunParameters run, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "SET LOCAL work_mem = '128MB'", cancellationToken);
        await run.CreateTableAsync(connection, transaction, cancellationToken);
        foreach (var (step, files) in KpiSql.ComputeSteps)
        {
            progress?.Report(step);
            var watch = Stopwatch.StartNew();
            foreach (var file in files)
            {
                await ExecuteAsync(connection, transaction, KpiSql.Read(file), cancellationToken);
            }

            timings[step] = watch.ElapsedMilliseconds;
        }

        if (run.ConfiguredMetrics.Contains("repeat_purchase_value"))
        {
            progress?.Report("lifetime value");
            var lifetime = Stopwatch.StartNew();
            if (await ClvStep.RunAsync(connection, transaction, run.RunId, DateOnly.FromDateTime(run.Window.AsOf.UtcDateTime), clv.Value, cancellationToken) is { } problem)
            {
                Log.ClvDegraded(logger, run.RunId, problem);
            }

            timings["lifetime value"] = lifetime.ElapsedMilliseconds;
        }

        progress?.Report("data quality");
        var quality = Stopwatch.StartNew();
        await QualityRecorder.RecordAsync(connection, transaction, run, cancellationToken);
        timings["data quality"] = quality.ElapsedMilliseconds;
        await MetricRunStore.SucceedAsync(connection, transaction, run.RunId, clock.GetUtcNow(), JsonSerializer.Serialize(timings), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return timings;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAccountsAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM crmsync.account_metric WHERE run_id = @run_id", connection);
        command.Parameters.AddWithValue("run_id", runId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

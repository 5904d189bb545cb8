using System.Diagnostics;
using System.Text.Json;
using CrmSync.Salesforce.Limits;
using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Results;
using CrmSync.WriteBack.Targets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmSync.WriteBack;

/// <summary>
/// <c>crmsync writeback [--dry-run]</c>: the latest succeeded metric run's results, each target in turn, only
/// what changed since the last confirmed write. One write-back at a time per database; each run is recorded.
/// </summary>
public sealed class WriteBackRunner(
    NpgsqlDataSource dataSource,
    TargetWriteBack targetWriteBack,
    IEnumerable<IResultSource> sources,
    IApiBudget budget,
    TimeProvider clock,
    ILogger<WriteBackRunner> logger)
{
    /// <summary>Field values written in one run above which the ledger's statistics are refreshed.</summary>
    private const int LargeWrite = 100_000;

    public async Task<WriteBackReport> RunAsync(IReadOnlyList<WriteTarget> targets, bool dryRun, IProgress<WriteBackProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var callsBefore = budget.Snapshot.CallsMade;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await LockAsync(connection, cancellationToken);
        try
        {
            return await RunLockedAsync(connection, targets, dryRun, progress, watch, callsBefore, cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, LedgerSql.Unlock, CancellationToken.None);
        }
    }

    private async Task<WriteBackReport> RunLockedAsync(
        NpgsqlConnection connection, IReadOnlyList<WriteTarget> targets, bool dryRun, IProgress<WriteBackProgress>? progress, Stopwatch watch, long callsBefore,
        CancellationToken cancellationToken)
    {
        var (metricRun, asOf) = await LatestRunAsync(connection, cancellationToken);
        await ExecuteAsync(connection, LedgerSql.AbandonInterruptedRuns, cancellationToken, clock.GetUtcNow());
        var writeRun = await StartAsync(connection, metricRun, dryRun, cancellationToken);
        Log.RunStarted(logger, writeRun, metricRun, dryRun);
        var reports = new List<TargetReport>();
        try
        {
            foreach (var target in targets)
            {
                var source = sources.FirstOrDefault(s => s.Target == target.Name)
                    ?? throw new InvalidOperationException($"No results feed write-back target '{target.Name}'.");
                reports.Add(await targetWriteBack.RunAsync(connection, writeRun, metricRun, target, source, dryRun, progress, cancellationToken));
            }
        }
        catch (Exception e)
        {
            await FinishAsync(writeRun, "failed", reports, budget.Snapshot.CallsMade - callsBefore, watch.Elapsed, e.Message);
            throw;
        }

        if (reports.Sum(r => r.FieldsSent) > LargeWrite)
        {
            await ExecuteAsync(connection, LedgerSql.AnalyzeLedger, cancellationToken);
        }

        var report = new WriteBackReport(writeRun, metricRun, asOf, dryRun, reports, budget.Snapshot.CallsMade - callsBefore, watch.Elapsed);
        await FinishAsync(writeRun, "succeeded", reports, report.ApiCalls, report.Elapsed, null);
        Log.RunFinished(logger, writeRun, report.Written, report.Failed, report.ApiCalls, report.Elapsed);
        return report;
    }

    private static async Task LockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LedgerSql.TryLock, connection);
        if (await command.ExecuteScalarAsync(cancellationToken) is not true)
        {
            throw new WriteBackException("Another write-back is running against this database; try again when it has finished.");
        }
    }

    private static async Task<(long RunId, DateTimeOffset AsOf)> LatestRunAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LedgerSql.LatestSucceededRun, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1))
            : throw new WriteBackException("There is no succeeded metric run to write back: run './crmsync compute' first.");
    }

    private async Task<long> StartAsync(NpgsqlConnection connection, long metricRun, bool dryRun, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LedgerSql.StartRun, connection)
        {
            Parameters = { new() { Value = metricRun }, new() { Value = dryRun }, new() { Value = clock.GetUtcNow() } },
        };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Recorded on a connection of its own (and never cancelled), so a failed or cancelled run is still written down.</summary>
    private async Task FinishAsync(long writeRun, string status, List<TargetReport> reports, long calls, TimeSpan elapsed, string? error)
    {
        var outcomes = reports.SelectMany(r => r.Outcomes).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var codes = reports.SelectMany(r => r.ErrorCodes).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await ExecuteAsync(connection, LedgerSql.FinishRun, CancellationToken.None,
            writeRun, status, clock.GetUtcNow(), JsonSerializer.Serialize(outcomes), JsonSerializer.Serialize(codes), (int)calls, (long)elapsed.TotalMilliseconds, error);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

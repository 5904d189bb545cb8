using System.Globalization;
using System.Text.Json;
using CrmSync.Host.Telemetry;
using CrmSync.Metrics.Runs;
using CrmSync.Sync;
using CrmSync.Sync.Pull;
using CrmSync.WriteBack;

namespace CrmSync.Host.Pipeline;

/// <summary>
/// The work of each pipeline step, the same whether a Hangfire job or <c>crmsync run</c> calls it. A step
/// already done returns at once (delivery is at-least-once); a step's outcome is recorded with the run.
/// </summary>
public sealed class PipelineSteps(
    PipelineStore store,
    SyncRunner syncRunner,
    MetricRunner metricRunner,
    WriteBackRunner writeBackRunner,
    CrmSyncMetrics telemetry,
    TimeProvider clock,
    ILogger<PipelineSteps> logger)
{
    public Task SyncAsync(long runId, string source, IProgress<PullProgress>? progress, CancellationToken cancellationToken) =>
        RunStepAsync(runId, PipelineStatus.SyncStep(source), async (_, _) =>
        {
            var started = clock.GetTimestamp();
            var outcome = CrmSyncMetrics.Outcome.Failed;
            try
            {
                var pull = (await syncRunner.RunAsync(SyncRunner.Select(syncRunner.LoadMappings(), [source]), full: false, progress, cancellationToken)).Single();
                telemetry.RecordPull(pull);
                outcome = CrmSyncMetrics.Outcome.Succeeded;
                return (pull.Transport == "skipped" ? PipelineStatus.Skipped : PipelineStatus.Succeeded, SyncSummary(pull), new
                {
                    rows_read = pull.RowsRead,
                    inserted = pull.Changes.Inserted,
                    updated = pull.Changes.Updated,
                    deleted = pull.Changes.Deleted + pull.Reconciled,
                    full = pull.Full,
                    transport = pull.Transport,
                    seconds = Math.Round(pull.Elapsed.TotalSeconds, 3),
                    warnings = pull.Warnings,
                });
            }
            finally
            {
                telemetry.RecordSyncDuration(source, clock.GetElapsedTime(started), outcome);
            }
        }, cancellationToken);

    public Task ComputeAsync(long runId, IProgress<string>? progress, CancellationToken cancellationToken) =>
        RunStepAsync(runId, PipelineStatus.ComputeStep, async (run, firstStarted) =>
        {
            // A retried step whose metric run had committed before the process stopped keeps that run.
            if (await store.MetricRunSinceAsync(run.AsOf, firstStarted, cancellationToken) is { } finished)
            {
                return (PipelineStatus.Succeeded, $"metric run {finished} (as-of {run.AsOf:u})", new { metric_run_id = finished, reused = true });
            }

            var started = clock.GetTimestamp();
            var outcome = CrmSyncMetrics.Outcome.Failed;
            try
            {
                var summary = await metricRunner.RunAsync(run.AsOf, MappingViews.MappedFields(syncRunner.LoadMappings()), progress, cancellationToken);
                outcome = CrmSyncMetrics.Outcome.Succeeded;
                return (PipelineStatus.Succeeded,
                    string.Create(CultureInfo.InvariantCulture, $"metric run {summary.RunId}: {summary.Accounts:N0} accounts as of {summary.Window.AsOf:u}")
                        + (summary.NotConfigured.Count > 0 ? $"; not configured: {string.Join(", ", summary.NotConfigured)}" : string.Empty),
                    new { metric_run_id = summary.RunId, accounts = summary.Accounts, not_configured = summary.NotConfigured, timings_ms = summary.TimingsMilliseconds });
            }
            finally
            {
                telemetry.RecordComputeDuration(clock.GetElapsedTime(started), outcome);
            }
        }, cancellationToken);

    public Task WriteBackAsync(long runId, IProgress<WriteBackProgress>? progress, Action<WriteBackReport>? report, CancellationToken cancellationToken) =>
        RunStepAsync(runId, PipelineStatus.WriteBackStep, async (run, _) =>
        {
            var result = await writeBackRunner.RunAsync(MappingViews.WriteTargets(syncRunner.LoadMappings()), run.DryRun, progress, cancellationToken);
            report?.Invoke(result);
            var unchanged = result.Targets.Sum(t => t.Unchanged);
            var problems = result.Targets.SelectMany(t => t.Problems).ToList();
            var verb = run.DryRun ? "would write" : "written";
            return (PipelineStatus.Succeeded,
                string.Create(CultureInfo.InvariantCulture, $"{verb} {(run.DryRun ? result.Targets.Sum(t => t.Sent) : result.Written):N0} records, {result.Failed:N0} failed, {unchanged:N0} unchanged, {result.ApiCalls:N0} API calls")
                    + (problems.Count > 0 ? " — warning: " + string.Join(" ", problems) : string.Empty),
                new
                {
                    write_run_id = result.WriteRunId,
                    metric_run_id = result.MetricRunId,
                    dry_run = run.DryRun,
                    sent = result.Targets.Sum(t => t.Sent),
                    written = result.Written,
                    failed = result.Failed,
                    unchanged,
                    api_calls = result.ApiCalls,
                    error_codes = result.ErrorCodes,
                    problems,
                });
        }, cancellationToken);

    private async Task RunStepAsync(
        long runId, string step, Func<PipelineRunInfo, DateTimeOffset, Task<(string Status, string Summary, object Detail)>> work, CancellationToken cancellationToken)
    {
        var run = await store.RunAsync(runId, cancellationToken) ?? throw new InvalidOperationException($"There is no pipeline run {runId}.");
        var (status, firstStarted, attempts) = await store.BeginStepAsync(runId, step, cancellationToken);
        if (status is PipelineStatus.Succeeded or PipelineStatus.Skipped)
        {
            PipelineLog.StepAlreadyDone(logger, runId, step);
            return;
        }

        PipelineLog.StepStarted(logger, runId, step, attempts);
        try
        {
            var (outcome, summary, detail) = await work(run, firstStarted);
            await store.CompleteStepAsync(runId, step, outcome, summary, JsonSerializer.Serialize(detail), cancellationToken);
            PipelineLog.StepFinished(logger, runId, step, summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await store.FailStepAsync(runId, step, e.Message, CancellationToken.None);
            PipelineLog.StepFailed(logger, runId, step, attempts, e);
            throw;
        }
    }

    private static string SyncSummary(PullResult pull) => pull.Transport == "skipped"
        ? string.Join(" ", pull.Warnings)
        : string.Create(CultureInfo.InvariantCulture,
            $"{pull.ObjectName}: {pull.RowsRead:N0} read ({(pull.Full ? "full" : "changes")}, {pull.Transport}), {pull.Changes.Inserted:N0} new, {pull.Changes.Updated:N0} changed, {pull.Changes.Deleted + pull.Reconciled:N0} deleted")
            + (pull.Warnings.Count > 0 ? " — warning: " + string.Join(" ", pull.Warnings) : string.Empty);
}

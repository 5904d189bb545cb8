using CrmSync.Host.Telemetry;
using CrmSync.Salesforce.Limits;
using CrmSync.Sync;
using Hangfire;

namespace CrmSync.Host.Jobs;

/// <summary>
/// Pulls one source. Safe under at-least-once delivery: rows and watermark move together, so a
/// repeated or resumed run only re-reads what it has not stored. One run per source at a time,
/// across all servers.
/// </summary>
[AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
public sealed class SyncObjectJob(SyncRunner runner, CrmSyncMetrics metrics, TimeProvider clock, ILogger<SyncObjectJob> logger)
{
    [DisableConcurrentExecution("crmsync:sync:{0}", 600)]
    [JobDisplayName("Sync {0}")]
    public async Task RunAsync(string source, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var outcome = CrmSyncMetrics.Outcome.Failed;
        var selected = SyncRunner.Select(runner.LoadMappings(), [source]);
        try
        {
            foreach (var pull in await runner.RunAsync(selected, full: false, progress: null, cancellationToken))
            {
                metrics.RecordPull(pull);
            }

            outcome = CrmSyncMetrics.Outcome.Succeeded;
        }
        catch (ApiBudgetExceededException e)
        {
            // Retrying cannot help before the org's 24-hour window moves; the next scheduled run will try again.
            outcome = CrmSyncMetrics.Outcome.BudgetStopped;
            JobsLog.BudgetStop(logger, source, e.Message);
        }
        finally
        {
            metrics.RecordSyncDuration(source, clock.GetElapsedTime(started), outcome);
        }
    }
}

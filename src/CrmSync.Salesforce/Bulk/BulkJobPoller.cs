using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Bulk;

/// <summary>Polls a job until it finishes, waiting <c>BulkPollDelay</c> first and doubling up to <c>BulkPollMaxDelay</c>.</summary>
internal sealed class BulkJobPoller(IOptions<SalesforceOptions> options, TimeProvider clock, ILogger<BulkJobPoller> logger)
{
    public async Task<BulkJobInfo> WaitAsync(string jobId, Func<string, CancellationToken, Task<BulkJobInfo>> getJob, CancellationToken ct)
    {
        var settings = options.Value;
        var delay = settings.BulkPollDelay;
        var started = clock.GetTimestamp();
        while (true)
        {
            var job = await getJob(jobId, ct).ConfigureAwait(false);
            BulkLog.Polled(logger, job.Id, job.State, job.NumberRecordsProcessed ?? 0);
            if (job.State == BulkJobStates.JobComplete)
            {
                BulkLog.Completed(logger, job.Id, job.NumberRecordsProcessed ?? 0, clock.GetElapsedTime(started));
                return job;
            }

            if (job.State is BulkJobStates.Failed or BulkJobStates.Aborted)
            {
                throw new BulkJobFailedException(job);
            }

            await Task.Delay(delay, clock, ct).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.BulkPollMaxDelay.Ticks));
        }
    }
}

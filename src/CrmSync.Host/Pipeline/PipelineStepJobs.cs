using Hangfire;

namespace CrmSync.Host.Pipeline;

/// <summary>
/// One Hangfire job per pipeline step. Each does its step (nothing if already done), then hands out what is due
/// next. A sync step shares its source's lock with the recurring sync job, so no source is pulled twice at once.
/// After its last attempt a step's failure fails the run (<see cref="PipelineFailureFilter"/>).
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class PipelineStepJobs(PipelineSteps steps, PipelineDispatcher dispatcher)
{
    [DisableConcurrentExecution("crmsync:sync:{1}", 600)]
    [JobDisplayName("Pipeline {0}: sync {1}")]
    public async Task SyncAsync(long runId, string source, CancellationToken cancellationToken)
    {
        await steps.SyncAsync(runId, source, progress: null, cancellationToken);
        await dispatcher.AdvanceAsync(runId, cancellationToken);
    }

    [DisableConcurrentExecution("crmsync:compute", 600)]
    [JobDisplayName("Pipeline {0}: compute")]
    public async Task ComputeAsync(long runId, CancellationToken cancellationToken)
    {
        await steps.ComputeAsync(runId, progress: null, cancellationToken);
        await dispatcher.AdvanceAsync(runId, cancellationToken);
    }

    [DisableConcurrentExecution("crmsync:writeback", 600)]
    [JobDisplayName("Pipeline {0}: write back")]
    public async Task WriteBackAsync(long runId, CancellationToken cancellationToken)
    {
        await steps.WriteBackAsync(runId, progress: null, report: null, cancellationToken);
        await dispatcher.AdvanceAsync(runId, cancellationToken);
    }
}

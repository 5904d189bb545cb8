using Hangfire;
using Hangfire.States;

namespace CrmSync.Host.Pipeline;

/// <summary>
/// The pipeline's entry job (recurring <c>pipeline</c>, the dashboard's button, <c>crmsync demo</c>): starts a
/// run, or resumes the one still running by handing out again the steps whose jobs were lost.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
public sealed class PipelineJob(PipelineCoordinator coordinator, PipelineStore store, PipelineDispatcher dispatcher, JobStorage storage, ILogger<PipelineJob> logger)
{
    private static readonly string[] AliveStates = [EnqueuedState.StateName, ProcessingState.StateName, ScheduledState.StateName, AwaitingState.StateName];

    [DisableConcurrentExecution("crmsync:pipeline", 60)]
    [JobDisplayName("Pipeline ({0})")]
    public async Task StartOrResumeAsync(string trigger, CancellationToken cancellationToken)
    {
        var running = await store.RunningAsync(cancellationToken);
        if (running is null)
        {
            running = await coordinator.StartAsync(trigger, PipelineStatus.ServerOwner, asOf: null, dryRun: false, cancellationToken);
            if (running is null)
            {
                return; // another process started one in between
            }
        }
        else if (running.Owner == PipelineStatus.CliOwner)
        {
            if (!await store.ForegroundProcessGoneAsync(cancellationToken))
            {
                PipelineLog.ForegroundBusy(logger, running.Id);
                return;
            }

            await store.TakeOverAsync(running.Id, cancellationToken);
            PipelineLog.Resumed(logger, running.Id, await store.ResetUnfinishedAsync(running.Id, cancellationToken));
        }
        else
        {
            PipelineLog.Resumed(logger, running.Id, await ResetLostStepsAsync(running.Id, cancellationToken));
        }

        await dispatcher.AdvanceAsync(running.Id, cancellationToken);
    }

    /// <summary>Unfinished steps whose job is gone (deleted, or never created because a process stopped) go back to pending.</summary>
    private async Task<int> ResetLostStepsAsync(long runId, CancellationToken cancellationToken)
    {
        var reset = 0;
        foreach (var step in await store.StepsAsync(runId, cancellationToken))
        {
            if (step.Status is PipelineStatus.Enqueued or PipelineStatus.Running or PipelineStatus.Failed && !JobIsAlive(step.JobId))
            {
                reset += await store.ResetStepAsync(runId, step.Step, cancellationToken);
            }
        }

        return reset;
    }

    private bool JobIsAlive(string? jobId)
    {
        if (jobId is null)
        {
            return false;
        }

        using var connection = storage.GetConnection();
        return connection.GetJobData(jobId)?.State is { } state && AliveStates.Contains(state);
    }
}

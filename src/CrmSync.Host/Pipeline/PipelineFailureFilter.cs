using Hangfire.States;
using Hangfire.Storage;

namespace CrmSync.Host.Pipeline;

/// <summary>
/// A step job that ends failed (its last retry) or is deleted in the dashboard can no longer finish its step:
/// the run is marked failed with the step's error, so the next trigger starts a new one.
/// </summary>
internal sealed class PipelineFailureFilter(IServiceScopeFactory scopes) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var job = context.BackgroundJob.Job;
        if (context.NewState is not (FailedState or DeletedState) || job?.Type != typeof(PipelineStepJobs))
        {
            return;
        }

        var runId = Convert.ToInt64(job.Args[0], System.Globalization.CultureInfo.InvariantCulture);
        var step = job.Method.Name switch
        {
            nameof(PipelineStepJobs.SyncAsync) => PipelineStatus.SyncStep((string)job.Args[1]),
            nameof(PipelineStepJobs.ComputeAsync) => PipelineStatus.ComputeStep,
            _ => PipelineStatus.WriteBackStep,
        };
        var reason = context.NewState is FailedState failed ? failed.Exception.Message : "its job was deleted";
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<PipelineCoordinator>().FailAsync(runId, step, reason, CancellationToken.None).GetAwaiter().GetResult();
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}

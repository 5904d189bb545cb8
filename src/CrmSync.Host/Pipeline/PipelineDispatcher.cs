using CrmSync.Host.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Pipeline;

/// <summary>Hands a server-driven run's due steps to Hangfire: each sync on its source's queue, compute and write-back on the pipeline's.</summary>
public sealed class PipelineDispatcher(PipelineStore store, IBackgroundJobClient jobs, IOptions<JobsOptions> options, ILogger<PipelineDispatcher> logger)
{
    public async Task AdvanceAsync(long runId, CancellationToken cancellationToken)
    {
        var claim = await store.ClaimAsync(runId, cancellationToken);
        foreach (var step in claim.Steps)
        {
            var (job, queue) = JobFor(runId, step);
            var jobId = jobs.Create(job, new EnqueuedState(queue));
            await store.SetJobIdAsync(runId, step, jobId, cancellationToken);
            PipelineLog.Enqueued(logger, runId, step, jobId, queue);
        }
    }

    private (Job Job, string Queue) JobFor(long runId, string step)
    {
        if (PipelineStatus.SourceOf(step) is { } source)
        {
            return (Job.FromExpression<PipelineStepJobs>(j => j.SyncAsync(runId, source, CancellationToken.None)), options.Value.ScheduleOf(source).Queue);
        }

        var job = step == PipelineStatus.ComputeStep
            ? Job.FromExpression<PipelineStepJobs>(j => j.ComputeAsync(runId, CancellationToken.None))
            : Job.FromExpression<PipelineStepJobs>(j => j.WriteBackAsync(runId, CancellationToken.None));
        return (job, options.Value.PipelineQueue);
    }
}

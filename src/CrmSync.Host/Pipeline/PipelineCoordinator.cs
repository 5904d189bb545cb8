using CrmSync.Host.Jobs;
using CrmSync.Sync;
using CrmSync.Sync.Mappings;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Pipeline;

/// <summary>Starts pipeline runs (one at a time per database) and finds the one to resume.</summary>
public sealed class PipelineCoordinator(PipelineStore store, SyncRunner syncRunner, IOptions<JobsOptions> options, TimeProvider clock, ILogger<PipelineCoordinator> logger)
{
    /// <summary>
    /// A new run of every mapped source, compute and write-back, or null when another run is still running
    /// (<paramref name="asOf"/> null: now, rounded as <c>Jobs:PipelineAsOf</c> says).
    /// </summary>
    public async Task<PipelineRunInfo?> StartAsync(string trigger, string owner, DateTimeOffset? asOf, bool dryRun, CancellationToken cancellationToken)
    {
        var sources = SyncRunner.Select(syncRunner.LoadMappings(), []);
        IReadOnlyList<string> steps = [.. sources.Select(s => PipelineStatus.SyncStep(s.Source)), PipelineStatus.ComputeStep, PipelineStatus.WriteBackStep];
        var resolvedAsOf = asOf ?? PipelineAsOf.Resolve(clock.GetUtcNow(), options.Value.PipelineAsOf);
        if (await store.StartAsync(trigger, owner, resolvedAsOf, dryRun, steps, cancellationToken) is not { } runId)
        {
            return null;
        }

        PipelineLog.Started(logger, runId, trigger, resolvedAsOf, owner);
        return await store.RunAsync(runId, cancellationToken);
    }

    /// <summary>Marks the run failed because of <paramref name="step"/>, unless that step had finished.</summary>
    public async Task FailAsync(long runId, string step, string reason, CancellationToken cancellationToken)
    {
        if (await store.FailStepAsync(runId, step, reason, cancellationToken) == 0)
        {
            return;
        }

        await store.FailRunAsync(runId, $"{step}: {reason}", cancellationToken);
        PipelineLog.RunFailed(logger, runId, step, reason);
    }

    /// <summary>The mapping problems that stop a pipeline from starting, if any.</summary>
    public MappingSet Mappings() => syncRunner.LoadMappings();
}

namespace CrmSync.Host.Pipeline;

/// <summary>One pipeline run as stored in <c>crmsync.pipeline_run</c>.</summary>
public sealed record PipelineRunInfo(long Id, string Trigger, string Owner, DateTimeOffset AsOf, bool DryRun, string Status, DateTimeOffset StartedAt);

/// <summary>One step of a pipeline run as stored in <c>crmsync.pipeline_step</c>.</summary>
public sealed record PipelineStepInfo(string Step, string Status, string? JobId, DateTimeOffset? StartedAt, int Attempts, string? Summary, string Detail, string? Error)
{
    public bool IsDone => Status is PipelineStatus.Succeeded or PipelineStatus.Skipped;
}

/// <summary>What a claim handed out: steps now due (each to exactly one claimer), or that the run has finished.</summary>
public sealed record PipelineClaim(IReadOnlyList<string> Steps, bool Finished);

/// <summary>Step names and statuses as stored.</summary>
public static class PipelineStatus
{
    public const string Pending = "pending";
    public const string Enqueued = "enqueued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Skipped = "skipped";
    public const string Failed = "failed";

    public const string ServerOwner = "server";
    public const string CliOwner = "cli";

    public const string ComputeStep = "compute";
    public const string WriteBackStep = "writeback";
    private const string SyncPrefix = "sync:";

    public static string SyncStep(string source) => SyncPrefix + source;

    /// <summary>The source of a <c>sync:&lt;source&gt;</c> step, or null for another step.</summary>
    public static string? SourceOf(string step) => step.StartsWith(SyncPrefix, StringComparison.Ordinal) ? step[SyncPrefix.Length..] : null;
}

namespace CrmSync.Host.Jobs;

/// <summary>The Hangfire server of this process (section <c>Jobs</c>); checked by <see cref="JobsOptionsValidator"/>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Queues this server takes work from, most important first; run several servers with different queues to split the
    /// work. Empty means <c>default</c> (a non-empty default here would be kept next to configured queues: the binder
    /// appends to arrays).
    /// </summary>
    public string[] Queues { get; set; } = [];

    public string[] EffectiveQueues => Queues.Length > 0 ? Queues : ["default"];

    /// <summary>How long a fetched job stays invisible to other servers; renewed while it runs (sliding), so long syncs are not re-queued.</summary>
    public int InvisibilityTimeoutMinutes { get; set; } = 30;

    public int QueuePollIntervalSeconds { get; set; } = 5;

    public string SchemaName { get; set; } = "hangfire";

    /// <summary>When each source is pulled (cron, UTC), unless <see cref="Objects"/> says otherwise.</summary>
    public string SyncCron { get; set; } = "*/15 * * * *";

    /// <summary>The queue sync jobs go to, unless <see cref="Objects"/> says otherwise.</summary>
    public string SyncQueue { get; set; } = "default";

    /// <summary>When the whole pipeline (sync every source → compute → write back) runs (cron, UTC).</summary>
    public string PipelineCron { get; set; } = "0 * * * *";

    /// <summary>The queue of the pipeline's own jobs (start, compute, write-back); its syncs use their source's queue.</summary>
    public string PipelineQueue { get; set; } = "default";

    /// <summary>
    /// The as-of a scheduled pipeline computes for: <c>day</c> (the last UTC midnight), <c>hour</c> (the last full hour)
    /// or <c>now</c>. With <c>day</c>, runs during one day give the same numbers, so only real changes are written back.
    /// </summary>
    public string PipelineAsOf { get; set; } = "day";

    /// <summary>Per-source overrides, e.g. <c>Jobs:Objects:deal:SyncCron</c> = <c>*/5 * * * *</c>.</summary>
    public Dictionary<string, ObjectSchedule> Objects { get; set; } = [];

    public (string Cron, string Queue) ScheduleOf(string source) =>
        Objects.TryGetValue(source, out var custom)
            ? (custom.SyncCron ?? SyncCron, custom.SyncQueue ?? SyncQueue)
            : (SyncCron, SyncQueue);
}

/// <summary>The schedule of one source's sync job.</summary>
public sealed class ObjectSchedule
{
    public string? SyncCron { get; set; }

    public string? SyncQueue { get; set; }
}

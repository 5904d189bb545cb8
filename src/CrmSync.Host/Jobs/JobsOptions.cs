namespace CrmSync.Host.Jobs;

/// <summary>The Hangfire server of this process (section <c>Jobs</c>); checked by <see cref="JobsOptionsValidator"/>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Queues this server takes work from, most important first; run several servers with different queues to split the work.</summary>
    public string[] Queues { get; set; } = ["default"];

    /// <summary>How long a fetched job stays invisible to other servers; renewed while it runs (sliding), so long syncs are not re-queued.</summary>
    public int InvisibilityTimeoutMinutes { get; set; } = 30;

    public int QueuePollIntervalSeconds { get; set; } = 5;

    public string SchemaName { get; set; } = "hangfire";
}

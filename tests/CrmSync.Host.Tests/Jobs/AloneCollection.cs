namespace CrmSync.Host.Tests.Jobs;

/// <summary>
/// Tests that run a Hangfire server and wait for a job: alone, after the parallel tests. Hangfire
/// keeps process-wide configuration (JobStorage.Current, global filters) that hosts started by
/// other test classes in the same process overwrite, and the crash test's load slows the job.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "Hangfire job runs, alone";
}

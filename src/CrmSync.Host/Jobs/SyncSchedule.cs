using CrmSync.Sync;
using CrmSync.Sync.Mappings;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Jobs;

/// <summary>
/// On start, makes Hangfire's recurring jobs match the mappings: one <c>sync:&lt;source&gt;</c>
/// job per mapped source with its schedule and queue, and none for sources no longer mapped.
/// </summary>
internal sealed class SyncSchedule(IRecurringJobManager recurringJobs, SyncRunner runner, IOptions<JobsOptions> options, ILogger<SyncSchedule> logger)
    : IHostedService
{
    public const string JobIdPrefix = "sync:";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mappings = runner.LoadMappings();
        if (mappings.HasErrors)
        {
            JobsLog.MappingsInvalid(logger, string.Join("; ", mappings.Problems.Where(p => p.Severity == ProblemSeverity.Error)));
            return Task.CompletedTask;
        }

        foreach (var source in mappings.Sources)
        {
            var schedule = options.Value.ScheduleOf(source.Source);
            recurringJobs.AddOrUpdate<SyncObjectJob>(
                JobIdPrefix + source.Source, schedule.Queue, job => job.RunAsync(source.Source, CancellationToken.None), schedule.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            JobsLog.Scheduled(logger, source.Source, schedule.Cron, schedule.Queue);
        }

        foreach (var gone in LogicalCatalog.Sources.Where(s => mappings.Source(s.Name) is null))
        {
            recurringJobs.RemoveIfExists(JobIdPrefix + gone.Name);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

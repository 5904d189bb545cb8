using CrmSync.Host.Jobs;
using Hangfire;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Pipeline;

/// <summary>On start, makes the recurring <c>pipeline</c> job match <c>Jobs:PipelineCron</c> and <c>Jobs:PipelineQueue</c>.</summary>
internal sealed class PipelineSchedule(IRecurringJobManager recurringJobs, IOptions<JobsOptions> options, ILogger<PipelineSchedule> logger) : IHostedService
{
    public const string JobId = "pipeline";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (cron, queue) = (options.Value.PipelineCron, options.Value.PipelineQueue);
        recurringJobs.AddOrUpdate<PipelineJob>(JobId, queue, job => job.StartOrResumeAsync("schedule", CancellationToken.None), cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        PipelineLog.Scheduled(logger, cron, queue);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

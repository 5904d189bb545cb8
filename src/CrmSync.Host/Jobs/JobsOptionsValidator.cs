using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Jobs;

/// <summary>Checks the <c>Jobs</c> section; every message names the key and the value found.</summary>
internal sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var failures = new List<string>();
        CheckRange(failures, "WorkerCount", options.WorkerCount, 1, 64);
        CheckRange(failures, "InvisibilityTimeoutMinutes", options.InvisibilityTimeoutMinutes, 1, 1440);
        CheckRange(failures, "QueuePollIntervalSeconds", options.QueuePollIntervalSeconds, 1, 300);
        if (!SchemaName().IsMatch(options.SchemaName ?? string.Empty))
        {
            failures.Add($"Jobs:SchemaName must be a lowercase PostgreSQL schema name (was '{options.SchemaName}').");
        }

        CheckCron(failures, "Jobs:SyncCron", options.SyncCron);
        CheckQueue(failures, "Jobs:SyncQueue", options.SyncQueue);
        CheckCron(failures, "Jobs:PipelineCron", options.PipelineCron);
        CheckQueue(failures, "Jobs:PipelineQueue", options.PipelineQueue);
        if (!Pipeline.PipelineAsOf.IsKnown(options.PipelineAsOf))
        {
            failures.Add($"Jobs:PipelineAsOf must be one of {string.Join(", ", Pipeline.PipelineAsOf.Names)} (was '{options.PipelineAsOf}').");
        }

        foreach (var (source, schedule) in options.Objects)
        {
            if (Sync.Mappings.LogicalCatalog.Source(source) is null)
            {
                failures.Add($"Jobs:Objects:{source} is not a source CrmSync knows ({string.Join(", ", Sync.Mappings.LogicalCatalog.Sources.Select(s => s.Name))}).");
            }

            if (schedule.SyncCron is { } cron)
            {
                CheckCron(failures, $"Jobs:Objects:{source}:SyncCron", cron);
            }

            if (schedule.SyncQueue is { } queue)
            {
                CheckQueue(failures, $"Jobs:Objects:{source}:SyncQueue", queue);
            }
        }

        failures.AddRange(options.Queues
            .Select((queue, index) => (queue, index))
            .Where(q => !QueueName().IsMatch(q.queue ?? string.Empty))
            .Select(q => $"Jobs:Queues:{q.index} must be lowercase letters, digits, '_' or '-' (was '{q.queue}')."));
        if (options.Queues.Distinct(StringComparer.Ordinal).Count() != options.Queues.Length)
        {
            failures.Add($"Jobs:Queues lists a queue twice ({string.Join(", ", options.Queues)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCron(List<string> failures, string key, string? cron)
    {
        try
        {
            Cronos.CronExpression.Parse(cron ?? string.Empty);
        }
        catch (Cronos.CronFormatException e)
        {
            failures.Add($"{key} must be a cron expression like '*/15 * * * *' (was '{cron}': {e.Message}).");
        }
    }

    private static void CheckQueue(List<string> failures, string key, string? queue)
    {
        if (string.IsNullOrEmpty(queue) || !QueueName().IsMatch(queue))
        {
            failures.Add($"{key} must be lowercase letters, digits, '_' or '-' (was '{queue}').");
        }
    }

    private static void CheckRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Jobs:{key} must be between {min} and {max} (was {value}).");
        }
    }

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SchemaName();
}

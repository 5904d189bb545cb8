using CrmSync.Host.Jobs;
using Microsoft.Extensions.Configuration;

namespace CrmSync.Host.Tests.Jobs;

public sealed class JobsOptionsValidatorTests
{
    private static readonly JobsOptionsValidator Validator = new();

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(Validator.Validate(null, new JobsOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0, "Jobs:WorkerCount must be between 1 and 64 (was 0).")]
    [InlineData(65, "Jobs:WorkerCount must be between 1 and 64 (was 65).")]
    public void A_worker_count_out_of_range_is_named_with_its_value(int workers, string expected)
    {
        Assert.Equal(expected, Validator.Validate(null, new JobsOptions { WorkerCount = workers }).FailureMessage);
    }

    [Fact]
    public void Each_bad_queue_name_is_reported_by_its_position()
    {
        var result = Validator.Validate(null, new JobsOptions { Queues = ["sync", "Compute", "write back"] });

        Assert.Equal(
            ["Jobs:Queues:1 must be lowercase letters, digits, '_' or '-' (was 'Compute').",
             "Jobs:Queues:2 must be lowercase letters, digits, '_' or '-' (was 'write back')."],
            result.Failures);
    }

    [Fact]
    public void No_queue_means_the_default_one_and_a_repeated_queue_is_refused()
    {
        Assert.Equal(["default"], new JobsOptions { Queues = [] }.EffectiveQueues);
        Assert.Contains("twice", Validator.Validate(null, new JobsOptions { Queues = ["sync", "sync"] }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_queues_replace_the_default_queue_instead_of_joining_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:Queues:0"] = "observer" })
            .Build();

        var options = configuration.GetSection("Jobs").Get<JobsOptions>()!;

        Assert.Equal(["observer"], options.EffectiveQueues);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var result = Validator.Validate(null, new JobsOptions { InvisibilityTimeoutMinutes = 0, QueuePollIntervalSeconds = 301, SchemaName = "Hang Fire" });

        Assert.Equal(3, result.Failures!.Count());
    }

    [Fact]
    public void A_bad_schedule_is_named_by_its_key()
    {
        var options = new JobsOptions
        {
            SyncCron = "every 5 minutes",
            Objects = { ["deal"] = new ObjectSchedule { SyncCron = "*/5 * * * *", SyncQueue = "Bulk" }, ["deals"] = new ObjectSchedule() },
        };

        var failures = Validator.Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Jobs:SyncCron must be a cron expression like '*/15 * * * *' (was 'every 5 minutes'", StringComparison.Ordinal));
        Assert.Contains("Jobs:Objects:deal:SyncQueue must be lowercase letters, digits, '_' or '-' (was 'Bulk').", failures);
        Assert.Contains(failures, f => f.StartsWith("Jobs:Objects:deals is not a source CrmSync knows", StringComparison.Ordinal));
        Assert.Equal(3, failures.Count);
    }

    [Fact]
    public void Per_source_overrides_replace_only_what_they_set()
    {
        var options = new JobsOptions { SyncCron = "0 * * * *", Queues = ["default", "bulk"], Objects = { ["deal"] = new ObjectSchedule { SyncQueue = "bulk" } } };

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal(("0 * * * *", "bulk"), options.ScheduleOf("deal"));
        Assert.Equal(("0 * * * *", "default"), options.ScheduleOf("account"));
    }
}

using CrmSync.Host.Pipeline;
using CrmSync.Host.Tests.Pipeline;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmSync.Host.Tests.ScaleOut;

/// <summary>
/// Two <c>crmsync serve</c> processes on one database share a pipeline and every object's recurring sync, all
/// triggered at once: every job runs exactly once, both servers work, and no object is pulled by two at once.
/// </summary>
[Collection(Jobs.AloneCollection.Name)]
public sealed class TwoServersTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Two_servers_run_every_job_once_and_never_pull_one_object_twice_at_once()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 8, Accounts = 400 });
        var database = await server.CreateDatabaseAsync("two_servers");
        var settings = new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri))
        {
            ["ConnectionStrings:CrmSync"] = database,
            ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
            ["Jobs:SyncCron"] = "0 0 1 1 *",
            ["Jobs:PipelineCron"] = "0 0 1 1 *",
            ["Jobs:QueuePollIntervalSeconds"] = "1",
            ["Jobs:WorkerCount"] = "3",
            ["Sync:BatchSize"] = "500",
        };
        await using var servers = await ServersOnOneDatabase.StartAsync(settings, Limit);
        var storage = servers.Storage;
        var recurring = new RecurringJobManager(storage);
        recurring.Trigger(PipelineSchedule.JobId);
        using (var connection = storage.GetConnection())
        {
            foreach (var sync in connection.GetRecurringJobs().Where(j => j.Id.StartsWith("sync:", StringComparison.Ordinal)))
            {
                recurring.Trigger(sync.Id);
            }
        }

        var run = await WaitForPipelineAsync(servers.Observer.Services.GetRequiredService<PipelineStore>());
        await WaitForIdleAsync(storage);

        Assert.True(run.Status == PipelineStatus.Succeeded, servers.Logs);
        var monitoring = storage.GetMonitoringApi();
        var jobs = monitoring.SucceededJobs(0, 1000).Select(j => j.Key).ToList();
        Assert.Empty(monitoring.FailedJobs(0, 100));
        Assert.Equal(1 + 14 + 12, jobs.Count); // pipeline entry, its 14 steps, 12 recurring syncs
        var serverIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in jobs)
        {
            var processing = monitoring.JobDetails(id).History.Where(h => h.StateName == "Processing").ToList();
            Assert.Single(processing);
            serverIds.Add(processing[0].Data["ServerId"]);
        }

        Assert.Equal(2, serverIds.Count);
        var pulls = await ServersOnOneDatabase.PullsNeverOverlappingAsync(database);
        output.WriteLine(string.Join(Environment.NewLine, pulls.Select(p => string.Join(" | ", p))));
        Assert.Equal(24, pulls.Count);
        Assert.All(pulls, p => Assert.Equal("succeeded", p[4]));
        Assert.Equal(2, pulls.Select(p => p[1]).Distinct().Count());
        Assert.All(pulls.GroupBy(p => p[0]), bySource => Assert.Equal(2, bySource.Count()));
    }

    private static async Task<PipelineRunInfo> WaitForPipelineAsync(PipelineStore store)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await store.LatestAsync(CancellationToken.None) is { Status: not PipelineStatus.Running } run)
            {
                return run;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The pipeline did not finish in time.");
    }

    /// <summary>Waits until no job is enqueued or processing any more.</summary>
    private static async Task WaitForIdleAsync(JobStorage storage)
    {
        var deadline = DateTime.UtcNow + Limit;
        var monitoring = storage.GetMonitoringApi();
        while (DateTime.UtcNow < deadline)
        {
            var statistics = monitoring.GetStatistics();
            if (statistics.Enqueued == 0 && statistics.Processing == 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("Jobs were still running.");
    }
}

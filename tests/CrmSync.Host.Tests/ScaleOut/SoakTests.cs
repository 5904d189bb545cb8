using System.Globalization;
using CrmSync.Host.Pipeline;
using CrmSync.Host.Tests.Pipeline;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrmSync.Host.Tests.ScaleOut;

/// <summary>
/// A bounded soak: two <c>crmsync serve</c> processes on one database, every object's sync and the pipeline
/// scheduled every minute and the pipeline also triggered every 20 s, an org that changes every 30 s and
/// answers with faults (503s, expiring sessions, locked rows, cut-off bodies). Memory must stay flat, no job
/// may pile up, every pipeline run must end, and no object may be pulled by both servers at once.
/// <c>CRMSYNC_SOAK_MINUTES</c> sets the length (default 3, the CI run); README shows a longer one.
/// </summary>
[Collection(Jobs.AloneCollection.Name)]
public sealed class SoakTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const string Faults = "503=0.03,expire-after=40,lock=0.05,truncate=0.01";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Two_servers_under_frequent_schedules_and_faults_keep_memory_flat_and_no_job_piles_up()
    {
        var length = TimeSpan.FromMinutes(double.Parse(Environment.GetEnvironmentVariable("CRMSYNC_SOAK_MINUTES") ?? "3", CultureInfo.InvariantCulture));
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 12, Accounts = 300, Faults = Faults });
        var database = await server.CreateDatabaseAsync("soak");
        var settings = new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri))
        {
            ["ConnectionStrings:CrmSync"] = database,
            ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
            ["Jobs:SyncCron"] = "* * * * *",
            ["Jobs:PipelineCron"] = "* * * * *",
            ["Jobs:PipelineAsOf"] = "now",
            ["Jobs:QueuePollIntervalSeconds"] = "1",
            ["Jobs:WorkerCount"] = "3",
            ["WriteBack:RetryDelay"] = "00:00:05",
            ["Salesforce:RetryDelay"] = "00:00:00.100",
        };
        await using var servers = await ServersOnOneDatabase.StartAsync(settings, TimeSpan.FromMinutes(2));
        var (first, second, storage) = (servers.First, servers.Second, servers.Storage);
        var recurring = new RecurringJobManager(storage);

        var samples = new List<Sample>();
        var started = DateTime.UtcNow;
        var (nextTrigger, nextAdvance) = (started, started.AddSeconds(30));
        while (DateTime.UtcNow - started < length)
        {
            Assert.False(first.HasExited || second.HasExited, "a server stopped:\n" + first.Log + second.Log);
            if (DateTime.UtcNow >= nextTrigger)
            {
                recurring.Trigger(PipelineSchedule.JobId);
                nextTrigger = DateTime.UtcNow.AddSeconds(20);
            }

            if (DateTime.UtcNow >= nextAdvance)
            {
                await AdvanceAsync(sandbox);
                nextAdvance = DateTime.UtcNow.AddSeconds(30);
            }

            samples.Add(new Sample(DateTime.UtcNow - started, first.WorkingSetBytes, second.WorkingSetBytes, storage.GetMonitoringApi().GetStatistics()));
            await Task.Delay(SampleEvery);
        }

        var runs = await PipelineRunTests.QueryAsync(database, "SELECT id::text, status, trigger FROM crmsync.pipeline_run ORDER BY id");
        Report(samples, runs);

        // Memory: after a warm-up quarter, the last quarter's peak stays within 25 % (+ 30 MiB) of the second quarter's.
        foreach (var memory in new Func<Sample, long>[] { s => s.FirstBytes, s => s.SecondBytes })
        {
            var quarter = samples.Count / 4;
            var early = samples.Skip(quarter).Take(quarter).Max(memory);
            var late = samples.Skip(samples.Count - quarter).Max(memory);
            Assert.True(late <= early * 1.25 + 30 * Mib, $"memory grew: {early / Mib} MiB → {late / Mib} MiB");
        }

        // No pile-up: jobs waiting stay below two full rounds of work (12 syncs + 14 pipeline steps + the start, twice).
        Assert.All(samples, s => Assert.True(s.Jobs.Enqueued <= 2 * 27, $"{s.Jobs.Enqueued} jobs enqueued at {s.At}"));
        Assert.True(samples[^1].Jobs.Succeeded > samples[samples.Count / 2].Jobs.Succeeded, "no job finished in the second half");
        Assert.True(runs.Count(r => r[1] == PipelineStatus.Succeeded) >= 2, "fewer than two pipeline runs succeeded");
        Assert.DoesNotContain(runs, r => r[1] == PipelineStatus.Failed);
        Assert.True(runs.Take(runs.Count - 1).All(r => r[1] != PipelineStatus.Running), "a pipeline run other than the newest is still running");
        await ServersOnOneDatabase.PullsNeverOverlappingAsync(database);
    }

    private const long Mib = 1024 * 1024;

    private static async Task AdvanceAsync(SandboxServer sandbox)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(sandbox.BaseUri, "/__sandbox/advance?days=1"), null);
        response.EnsureSuccessStatusCode();
    }

    private void Report(List<Sample> samples, List<string[]> runs)
    {
        foreach (var s in samples.Where((_, i) => i % 6 == 0).Append(samples[^1]))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.At:mm\\:ss}  RSS {s.FirstBytes / Mib} / {s.SecondBytes / Mib} MiB  enqueued {s.Jobs.Enqueued} scheduled {s.Jobs.Scheduled} processing {s.Jobs.Processing} succeeded {s.Jobs.Succeeded} failed {s.Jobs.Failed}"));
        }

        output.WriteLine($"pipeline runs: {runs.Count} ({string.Join(", ", runs.GroupBy(r => r[1]).Select(g => $"{g.Key} {g.Count()}"))})");
    }

    private sealed record Sample(TimeSpan At, long FirstBytes, long SecondBytes, StatisticsDto Jobs);
}

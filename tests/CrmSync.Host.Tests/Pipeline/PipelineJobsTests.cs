using CrmSync.Host.Pipeline;
using CrmSync.Host.Web;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using CliRunner = CrmSync.Host.Tests.Cli.Cli;

namespace CrmSync.Host.Tests.Pipeline;

/// <summary>The pipeline as the server runs it: Hangfire jobs per step, each run exactly once, in order; and <c>crmsync demo</c>.</summary>
[Collection(Jobs.AloneCollection.Name)]
public sealed class PipelineJobsTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_triggered_pipeline_runs_each_step_as_one_job_and_a_second_one_writes_nothing()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 6, Accounts = 100 });
        var database = await server.CreateDatabaseAsync("pipeline_jobs");
        await using var app = await CrmSyncWebApplication.BuildAsync(
        [
            .. SandboxLogin.Settings(sandbox.BaseUri),
            new("ConnectionStrings:CrmSync", database),
            new("Sync:MappingsPath", RepositoryRoot.Combine("mappings")),
            new("Jobs:SyncCron", "0 0 1 1 *"),
            new("Jobs:PipelineCron", "0 4 * * *"),
            new("Jobs:QueuePollIntervalSeconds", "1"),
            new("Logging:LogLevel:Default", "Warning"),
        ], "http://127.0.0.1:0", CancellationToken.None);
        await app.StartAsync();
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var store = app.Services.GetRequiredService<PipelineStore>();

        jobs.Enqueue<PipelineJob>(job => job.StartOrResumeAsync("test", CancellationToken.None));
        var first = await WaitForRunAsync(store, 1);
        jobs.Enqueue<PipelineJob>(job => job.StartOrResumeAsync("test", CancellationToken.None));
        var second = await WaitForRunAsync(store, 2);

        Assert.Equal(PipelineStatus.Succeeded, first.Status);
        Assert.Equal(PipelineStatus.Succeeded, second.Status);
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal("0 4 * * *", connection.GetRecurringJobs().Single(j => j.Id == "pipeline").Cron);
        var steps = await store.StepsAsync(first.Id, CancellationToken.None);
        Assert.Equal(14, steps.Count);
        foreach (var step in steps)
        {
            Assert.True(step.IsDone, $"{step.Step}: {step.Status} {step.Error}");
            Assert.Equal(1, step.Attempts);
            Assert.Equal("Succeeded", connection.GetJobData(step.JobId!)!.State);
        }

        var stepJobs = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 500)
            .Count(j => j.Value.Job?.Type == typeof(PipelineStepJobs));
        Assert.Equal(2 * steps.Count, stepJobs);
        Assert.Equal(100, await PipelineRunTests.CountWrittenAccountsAsync(sandbox, database));
        var writeBack = (await store.StepsAsync(second.Id, CancellationToken.None)).Single(s => s.Step == PipelineStatus.WriteBackStep);
        Assert.StartsWith("written 0 records", writeBack.Summary);
    }

    [Fact]
    public async Task The_demo_runs_the_pipeline_twice_and_shows_accounts_as_salesforce_has_them()
    {
        var demo = await CliRunner.RunAsync(
            "demo", "--no-serve", "--accounts", "150", "--urls", "http://127.0.0.1:0",
            "--set", $"ConnectionStrings:CrmSync={server.AdminConnectionString}",
            "--set", $"Sync:MappingsPath={RepositoryRoot.Combine("mappings")}");

        Assert.True(demo.Code == 0, demo.Error + demo.Output);
        Assert.Contains("Pipeline 1: succeeded", demo.Output);
        Assert.Contains("Pipeline 2: succeeded", demo.Output);
        Assert.Contains("written 0 records", demo.Output);
        Assert.Contains("Accounts with the highest predicted CLV", demo.Output);
        Assert.Contains("Platinum", demo.Output);
        Assert.Contains("/hangfire/crmsync", demo.Output);
    }

    private static async Task<PipelineRunInfo> WaitForRunAsync(PipelineStore store, long id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (await store.RunAsync(id, CancellationToken.None) is { Status: not PipelineStatus.Running } run)
            {
                return run;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Pipeline {id} did not finish within 3 minutes.");
    }
}

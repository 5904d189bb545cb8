using CrmSync.Host.Web;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CrmSync.Host.Tests.Jobs;

/// <summary>The serve host against the sandbox: one recurring sync job per mapped source, and they pull.</summary>
[Collection(AloneCollection.Name)]
public sealed class SyncJobsTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Every_mapped_source_gets_a_recurring_job_and_a_triggered_one_pulls_its_object()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 50 });
        var connectionString = await server.CreateDatabaseAsync("jobs");
        await using var app = await CrmSyncWebApplication.BuildAsync(
        [
            .. SandboxLogin.Settings(sandbox.BaseUri),
            new("ConnectionStrings:CrmSync", connectionString),
            new("Sync:MappingsPath", RepositoryRoot.Combine("mappings")),
            new("Jobs:SyncCron", "0 0 1 1 *"),
            new("Jobs:Objects:deal:SyncCron", "0 3 * * *"),
            new("Jobs:QueuePollIntervalSeconds", "1"),
            new("Logging:LogLevel:Default", "Warning"),
        ], "http://127.0.0.1:0", CancellationToken.None);
        await app.StartAsync();

        using (var connection = app.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id);
            Assert.Equal(12, jobs.Keys.Count(id => id.StartsWith("sync:", StringComparison.Ordinal)));
            Assert.Equal("0 3 * * *", jobs["sync:deal"].Cron);
            Assert.Equal("0 0 1 1 *", jobs["sync:account"].Cron);
        }

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("sync:account");

        Assert.Equal(50L, await WaitForRowsAsync(connectionString, "account", TimeSpan.FromSeconds(120)));
    }

    /// <summary>Polls the store until the source's pull has completed, or the time is up.</summary>
    private static async Task<long?> WaitForRowsAsync(string connectionString, string source, TimeSpan limit)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = dataSource.CreateCommand("SELECT rows_stored FROM crmsync.sync_state WHERE source = $1 AND last_success_at IS NOT NULL");
            command.Parameters.Add(new NpgsqlParameter { Value = source });
            if (await command.ExecuteScalarAsync() is long rows)
            {
                return rows;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return null;
    }
}

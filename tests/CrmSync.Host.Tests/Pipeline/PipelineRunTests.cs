using System.Text.Json;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Npgsql;
using CliRunner = CrmSync.Host.Tests.Cli.Cli;

namespace CrmSync.Host.Tests.Pipeline;

/// <summary><c>crmsync run</c> against the sandbox: the whole pipeline, recorded; nothing written twice; resumed after a crash.</summary>
public sealed class PipelineRunTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_run_writes_the_results_and_a_second_run_writes_nothing()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 3, Accounts = 120 });
        var database = await server.CreateDatabaseAsync("pipeline");

        var first = await CliRunner.RunAsync(["run", .. Settings(sandbox, database)]);
        var second = await CliRunner.RunAsync(["run", .. Settings(sandbox, database)]);

        Assert.True(first.Code == 0, first.Error + first.Output);
        Assert.True(second.Code == 0, second.Error + second.Output);
        var runs = await QueryAsync(database, "SELECT id::text, status, owner FROM crmsync.pipeline_run ORDER BY id");
        Assert.Equal([["1", "succeeded", "cli"], ["2", "succeeded", "cli"]], runs);
        Assert.Equal(120, await CountWrittenAccountsAsync(sandbox, database));
        Assert.True(WriteBack(database, 1).GetProperty("written").GetInt32() >= 120);
        Assert.Equal(0, WriteBack(database, 2).GetProperty("sent").GetInt32());
        Assert.Equal(0, WriteBack(database, 2).GetProperty("api_calls").GetInt32());
        var steps = await QueryAsync(database, "SELECT step, status FROM crmsync.pipeline_step WHERE run_id = 2 ORDER BY position");
        Assert.All(steps, s => Assert.Contains(s[1], new[] { "succeeded", "skipped" }));
        Assert.Equal(["compute", "writeback"], steps.TakeLast(2).Select(s => s[0]));
    }

    [Fact]
    public async Task A_run_killed_during_compute_is_resumed_there_by_the_next_run()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 4, Accounts = 80 });
        var database = await server.CreateDatabaseAsync("pipeline_resume");
        Assert.Equal(0, (await CliRunner.RunAsync(["run", .. Settings(sandbox, database)])).Code);

        // What a 'crmsync run' killed during compute leaves: its run running, syncs done, compute started.
        await ExecuteAsync(database, """
            INSERT INTO crmsync.pipeline_run (trigger, owner, as_of, dry_run, status, started_at)
            VALUES ('cli', 'cli', '2026-11-01T00:00:00Z', false, 'running', now());
            INSERT INTO crmsync.pipeline_step (run_id, step, position, status, attempts, summary)
            SELECT 2, step, position, CASE WHEN step LIKE 'sync:%' THEN 'succeeded' WHEN step = 'compute' THEN 'running' ELSE 'pending' END,
                   CASE WHEN step LIKE 'sync:%' OR step = 'compute' THEN 1 ELSE 0 END,
                   CASE WHEN step LIKE 'sync:%' THEN 'done before the crash' END
            FROM crmsync.pipeline_step WHERE run_id = 1;
            """);

        var resumed = await CliRunner.RunAsync(["run", .. Settings(sandbox, database)]);

        Assert.True(resumed.Code == 0, resumed.Error + resumed.Output);
        Assert.Contains("Resuming pipeline 2", resumed.Output);
        Assert.Equal([["succeeded"]], await QueryAsync(database, "SELECT status FROM crmsync.pipeline_run WHERE id = 2"));
        var steps = await QueryAsync(database, "SELECT step, status, attempts::text, coalesce(summary, '') FROM crmsync.pipeline_step WHERE run_id = 2 ORDER BY position");
        Assert.All(steps.Where(s => s[0].StartsWith("sync:", StringComparison.Ordinal)), s => Assert.Equal(["succeeded", "1", "done before the crash"], s[1..]));
        Assert.Equal(["succeeded", "2"], steps.Single(s => s[0] == "compute")[1..3]);
        Assert.Equal([["2026-11-01 00:00:00+00"]], await QueryAsync(database, "SELECT as_of::text FROM crmsync.metric_run WHERE id = (SELECT max(id) FROM crmsync.metric_run)"));
    }

    [Fact]
    public async Task A_run_refuses_to_start_while_a_servers_pipeline_is_running()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 5, Accounts = 20 });
        var database = await server.CreateDatabaseAsync("pipeline_busy");
        Assert.Equal(0, (await CliRunner.RunAsync(["db", "migrate", .. Settings(sandbox, database)])).Code);
        await ExecuteAsync(database, """
            INSERT INTO crmsync.pipeline_run (trigger, owner, as_of, dry_run, status, started_at)
            VALUES ('schedule', 'server', now(), false, 'running', now())
            """);

        var refused = await CliRunner.RunAsync(["run", .. Settings(sandbox, database)]);

        Assert.Equal(1, refused.Code);
        Assert.Contains("Pipeline 1 (started by schedule", refused.Error);
        Assert.Equal([["1"]], await QueryAsync(database, "SELECT count(*)::text FROM crmsync.pipeline_run"));
    }

    internal static string[] Settings(SandboxServer sandbox, string database) =>
    [
        .. new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri))
        {
            ["ConnectionStrings:CrmSync"] = database,
            ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
        }.SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" }),
    ];

    /// <summary>Accounts whose KPI as-of field is filled in the org, asked through <c>crmsync sf query</c>.</summary>
    internal static async Task<int> CountWrittenAccountsAsync(SandboxServer sandbox, string database)
    {
        var query = await CliRunner.RunAsync(["sf", "query", "SELECT Id FROM Account WHERE CrmSync_KPI_As_Of__c != null", .. Settings(sandbox, database)]);
        Assert.True(query.Code == 0, query.Error);
        return query.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static JsonElement WriteBack(string database, long run) =>
        JsonDocument.Parse(QueryAsync(database, $"SELECT detail::text FROM crmsync.pipeline_step WHERE run_id = {run} AND step = 'writeback'").Result[0][0]).RootElement;

    internal static async Task<List<string[]>> QueryAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : reader.GetValue(i).ToString()!)]);
        }

        return rows;
    }

    internal static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using System.Text.Json;
using CrmSync.Host.Tests.Pipeline;
using CrmSync.Sandbox;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using Xunit.Abstractions;

namespace CrmSync.Host.Tests.Crash;

/// <summary>
/// Kills <c>crmsync run</c> (SIGKILL) at random moments and inside each step — sync (COPY, merge), compute,
/// write-back — and lets the next run resume, many times; then compares with an uninterrupted run against an
/// identical org: the same stored rows, the same values in Salesforce, the same write ledger; and a run after
/// that writes nothing.
/// </summary>
public sealed class PipelineCrashTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const string AsOf = "2026-11-01T00:00:00Z";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sync:BatchSize"] = "200",
        ["WriteBack:BulkThresholdRecords"] = "100000",
        ["WriteBack:ParallelCalls"] = "1",
        ["Logging:LogLevel:Default"] = "Information",
    };

    private static readonly string[] Run = ["run", "--as-of", AsOf];

    [Fact]
    public async Task Killed_pipeline_runs_end_like_an_uninterrupted_one()
    {
        var org = new SandboxSettings { Seed = 12, Accounts = 800 };
        await using var referenceOrg = await SandboxServer.StartAsync(org);
        var reference = await server.CreateDatabaseAsync("pipeline_ref");
        var uninterrupted = await SyncCrashProcess.RunVerbAsync(referenceOrg, reference, Run, Settings);

        await using var crashedOrg = await SandboxServer.StartAsync(org);
        var crashed = await server.CreateDatabaseAsync("pipeline_crash");
        var random = new Random(20261124);
        var killed = 0;
        // The first targeted kill lands inside the first write-back, while it still has records to send.
        string[] stepStarts = ["writeback started", "sync:deal started", "compute started", "sync:task started"];
        // Runs that finish before their kill (a resumed run may have little left) do not count: go on until 12 were killed.
        for (var i = 0; i < 30 && killed < 12; i++)
        {
            var (how, run) = i % 2 == 0
                ? Kill("at random", TimeSpan.FromMilliseconds(random.Next(500, (int)(uninterrupted.Elapsed.TotalMilliseconds * 0.6))), null)
                : Kill(stepStarts[i / 2 % stepStarts.Length], TimeSpan.FromMilliseconds(random.Next(50, 600)), stepStarts[i / 2 % stepStarts.Length]);
            var result = await run(crashedOrg, crashed);
            killed += result.Killed ? 1 : 0;
            output.WriteLine($"run {i}: kill {how}: {(result.Killed ? "killed" : "had finished")}; last step: {LastStep(result.Stderr)}");
        }

        var last = await SyncCrashProcess.RunVerbAsync(crashedOrg, crashed, Run, Settings);
        var after = await SyncCrashProcess.RunVerbAsync(crashedOrg, crashed, Run, Settings);

        Assert.Equal(0, last.ExitCode);
        Assert.True(killed >= 10, $"only {killed} runs were killed before they finished");
        foreach (var source in LogicalCatalog.Sources)
        {
            Assert.Equal(await SyncCrashStore.DumpAsync(reference, source), await SyncCrashStore.DumpAsync(crashed, source));
        }

        Assert.Equal(await AccountFieldsAsync(referenceOrg, reference), await AccountFieldsAsync(crashedOrg, crashed));
        Assert.Equal(await LedgerAsync(reference), await LedgerAsync(crashed));
        var written = await PipelineRunTests.QueryAsync(crashed, "SELECT detail::text FROM crmsync.pipeline_step WHERE step = 'writeback' ORDER BY run_id DESC LIMIT 1");
        Assert.Equal(0, JsonDocument.Parse(written[0][0]).RootElement.GetProperty("sent").GetInt32());
        Assert.Equal(0, after.ExitCode);
    }

    private static (string How, Func<SandboxServer, string, Task<SyncCrashRun>> Run) Kill(string how, TimeSpan delay, string? afterLine) =>
        ($"{how} +{delay.TotalMilliseconds:0} ms", (org, database) => SyncCrashProcess.RunVerbAsync(org, database, Run, Settings, killAfter: delay,
            killOnLine: afterLine is null ? null : line => line.Contains(afterLine, StringComparison.Ordinal)));

    private static string LastStep(string log) =>
        log.Split('\n').LastOrDefault(l => l.Contains(" started (attempt", StringComparison.Ordinal))?.Trim() ?? "none";

    /// <summary>Every CrmSync field of every account as the org has it, one line per account.</summary>
    private static async Task<string> AccountFieldsAsync(SandboxServer org, string database)
    {
        var fields = (await PipelineRunTests.QueryAsync(database, "SELECT DISTINCT field_name FROM crmsync.write_ledger WHERE object_name = 'Account' ORDER BY 1"))
            .Select(r => r[0]).ToList();
        Assert.NotEmpty(fields);
        var query = await Cli.Cli.RunAsync(["sf", "query", $"SELECT Id, {string.Join(", ", fields)} FROM Account ORDER BY Id", .. PipelineRunTests.Settings(org, database)]);
        Assert.True(query.Code == 0, query.Error);
        return query.Output;
    }

    private static async Task<string> LedgerAsync(string database) =>
        string.Join('\n', (await PipelineRunTests.QueryAsync(database,
            "SELECT object_name, record_key, field_name, coalesce(value, '∅') FROM crmsync.write_ledger ORDER BY 1, 2, 3")).Select(r => string.Join('|', r)));
}

using CrmSync.Host.Tests.Crash;
using CrmSync.Host.Tests.Pipeline;
using CrmSync.Sandbox;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using Xunit.Abstractions;
using CliRunner = CrmSync.Host.Tests.Cli.Cli;

namespace CrmSync.Host.Tests.Faults;

/// <summary>
/// The pipeline against a Salesforce that misbehaves (the sandbox's fault rules): each run ends either done or
/// failed with a message naming the problem (exit 1, never a crash), and once the fault is gone the next run
/// recovers by itself: the store, the values in Salesforce and the write ledger equal a run that met no fault.
/// </summary>
public sealed class PipelineFaultTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const string AsOf = "2026-11-01T00:00:00Z";
    private static readonly SandboxSettings Org = new() { Seed = 21, Accounts = 150 };
    private static readonly Lock ExpectedLock = new();
    private static Task<Expected>? expected;

    public static TheoryData<string, string> Faults => new()
    {
        { "503=0.15", "SERVER_UNAVAILABLE" },
        { "truncate=0.05", "JSON" },
        { "expire-after=15", string.Empty },
        { "lock=0.3", "UNABLE_TO_LOCK_ROW" },
        { "slow=0.05:3000", "Timeout" },
        { "limit-after=30", "REQUEST_LIMIT_EXCEEDED" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_run_meeting_a_fault_ends_cleanly_and_the_next_one_recovers(string fault, string named)
    {
        var uninterrupted = await ExpectedAsync();

        await using var faulty = await SandboxServer.StartAsync(Org with { Faults = fault });
        var database = await server.CreateDatabaseAsync("fault");
        var met = await RunAsync(faulty, database);
        output.WriteLine($"{fault}: exit {met.Code}; {met.Error.Trim()}");
        Assert.True(met.Code is 0 or 1, $"{fault}: exit {met.Code}: {met.Error}");
        if (met.Code == 1)
        {
            Assert.Contains(named, met.Error + met.Output, StringComparison.Ordinal);
        }

        await ClearFaultsAsync(faulty);
        var recovered = await RunAsync(faulty, database);
        Assert.True(recovered.Code == 0, $"{fault}: the run after the fault exited {recovered.Code}: {recovered.Error}");
        Assert.Equal(uninterrupted, await ObserveAsync(faulty, database));
        Assert.Equal([["0"]], await PipelineRunTests.QueryAsync(database, "SELECT count(*)::text FROM crmsync.write_error"));
    }

    /// <summary>
    /// The org changing under a run: a mapped field deleted (before the run, or between its describe and its query), an
    /// object's read permission removed, a write-back field's edit permission removed mid-write. Each run names the field
    /// or object in its output and in the pipeline's step record (the dashboard); once restored, the next run recovers.
    /// A first run's API calls go: describe global (1); describe, COUNT, query of Account (2–4), Opportunity (5–7),
    /// Case (8–10), … 37 in all; then write-back: describe Account (38), the Account collection (39), the snapshots.
    /// So @5 drops Amount after Opportunity's describe listed it, @8 hides Case after its describe, @38 takes the edit
    /// right away between write-back's describe and its write.
    /// </summary>
    public static TheoryData<string, int, string> SchemaFaults => new()
    {
        { "drop-field=Opportunity.Amount@0", 0, "Opportunity.Amount" },
        { "drop-field=Opportunity.Amount@5", 0, "Opportunity.Amount" },
        { "revoke-read=Case@0", 1, "Case" },
        { "revoke-read=Case@8", 1, "Case" },
        { "revoke-edit=Account.CrmSync_CLV_Predicted__c@38", 1, "CrmSync_CLV_Predicted__c" },
    };

    [Theory]
    [MemberData(nameof(SchemaFaults))]
    public async Task A_field_or_permission_removed_is_named_and_the_next_run_after_it_is_restored_recovers(string fault, int exitCode, string named)
    {
        var uninterrupted = await ExpectedAsync();

        await using var faulty = await SandboxServer.StartAsync(Org with { Faults = fault });
        var database = await server.CreateDatabaseAsync("schema");
        var met = await RunAsync(faulty, database);
        var steps = string.Join('\n', (await PipelineRunTests.QueryAsync(database,
            "SELECT step || ': ' || status || ' ' || coalesce(summary, '') || coalesce(error, '') FROM crmsync.pipeline_step ORDER BY step")).Select(r => r[0]));
        output.WriteLine($"{fault}: exit {met.Code}\n{met.Output}\n{met.Error}\n{steps}");
        Assert.Equal(exitCode, met.Code);
        Assert.Contains(named, met.Output + met.Error, StringComparison.Ordinal);
        Assert.Contains(named, steps, StringComparison.Ordinal);

        await ClearFaultsAsync(faulty);
        var recovered = await RunAsync(faulty, database);
        Assert.True(recovered.Code == 0, $"{fault}: the run after the fault exited {recovered.Code}: {recovered.Error}");
        Assert.Equal(uninterrupted, await ObserveAsync(faulty, database));
        Assert.Equal([["0"]], await PipelineRunTests.QueryAsync(database, "SELECT count(*)::text FROM crmsync.write_error"));
    }

    /// <summary>What a run that met no fault leaves (computed once for all cases).</summary>
    private Task<Expected> ExpectedAsync()
    {
        lock (ExpectedLock)
        {
            return expected ??= ComputeAsync();
        }

        async Task<Expected> ComputeAsync()
        {
            await using var reference = await SandboxServer.StartAsync(Org);
            var database = await server.CreateDatabaseAsync("fault_ref");
            var run = await RunAsync(reference, database);
            Assert.True(run.Code == 0, run.Error);
            return await ObserveAsync(reference, database);
        }
    }

    private static async Task<Expected> ObserveAsync(SandboxServer org, string database)
    {
        var rows = new List<string>();
        foreach (var source in LogicalCatalog.Sources)
        {
            rows.Add(await SyncCrashStore.DumpAsync(database, source));
        }

        return new Expected(string.Join('\n', rows), await AccountsAsync(org, database), await LedgerAsync(database));
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(SandboxServer org, string database) =>
        CliRunner.RunAsync(["run", "--as-of", AsOf, .. PipelineRunTests.Settings(org, database),
            "--set", "WriteBack:RetryDelay=00:00:00", "--set", "WriteBack:MaxRetryDelay=00:00:00",
            "--set", "Salesforce:Timeout=00:00:02", "--set", "Salesforce:RetryDelay=00:00:00.050"]);

    private static async Task ClearFaultsAsync(SandboxServer org)
    {
        using var http = new HttpClient();
        using var response = await http.DeleteAsync(new Uri(org.BaseUri, "/__sandbox/faults"));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> AccountsAsync(SandboxServer org, string database)
    {
        var fields = (await PipelineRunTests.QueryAsync(database, "SELECT DISTINCT field_name FROM crmsync.write_ledger WHERE object_name = 'Account' ORDER BY 1"))
            .Select(r => r[0]).ToList();
        Assert.NotEmpty(fields);
        var query = await CliRunner.RunAsync(["sf", "query", $"SELECT Id, {string.Join(", ", fields)} FROM Account ORDER BY Id", .. PipelineRunTests.Settings(org, database)]);
        Assert.True(query.Code == 0, query.Error);
        return query.Output;
    }

    private static async Task<string> LedgerAsync(string database) =>
        string.Join('\n', (await PipelineRunTests.QueryAsync(database,
            "SELECT object_name, record_key, field_name, coalesce(value, '∅') FROM crmsync.write_ledger ORDER BY 1, 2, 3")).Select(r => string.Join('|', r)));

    /// <summary>The stored rows of every source, every CrmSync field of every account in Salesforce, and the write ledger.</summary>
    private sealed record Expected(string Rows, string Accounts, string Ledger);
}

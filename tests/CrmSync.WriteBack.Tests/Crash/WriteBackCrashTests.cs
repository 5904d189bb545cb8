using System.Globalization;
using System.Text.Json;
using CrmSync.Testing;
using CrmSync.WriteBack.Tests.Pipeline;
using Xunit.Abstractions;

namespace CrmSync.WriteBack.Tests.Crash;

/// <summary>
/// Kills the real <c>crmsync writeback</c> process (SIGKILL) while calls are in flight: after each kill every value
/// the ledger calls written is in Salesforce, and a last run leaves Salesforce equal to the store.
/// </summary>
public sealed class WriteBackCrashTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Killed_write_backs_neither_lose_a_value_nor_mark_an_unwritten_one_written()
    {
        await using var harness = await WriteBackHarness.StartAsync(server, accounts: 400);
        await harness.SyncAndComputeAsync();
        await harness.SetFaultsAsync("slow=0.5:150");   // calls long enough to be killed in

        var killed = 0;
        for (var i = 0; i < 4; i++)
        {
            // Alternately: as a call is sent, and just after a call's answers were recorded (the next call in flight).
            var trigger = i % 2 == 0 ? "Sending " : "Recorded answers";
            var run = await WriteBackProcess.RunAsync(harness.Sandbox, harness.ConnectionString, line => line.Contains(trigger, StringComparison.Ordinal));
            killed += run.Killed ? 1 : 0;
            var ledger = await LedgerAsync(harness);
            output.WriteLine($"run {i}: {(run.Killed ? "killed at " + trigger : "finished, exit " + run.ExitCode)}; {ledger.Count} ledger entries");
            await AssertLedgerIsInSalesforceAsync(harness, ledger);
        }

        await harness.SetFaultsAsync(null);
        var last = await WriteBackProcess.RunAsync(harness.Sandbox, harness.ConnectionString);

        Assert.True(last.ExitCode == 0, last.Output);
        Assert.True(killed >= 3, $"only {killed} of 4 runs were killed before they finished");
        var store = await Expected.AccountsInStoreAsync(harness);
        var salesforce = await Expected.AccountsInSalesforceAsync(harness.Client);
        Assert.All(store, account => Assert.Equal(account.Value, salesforce[account.Key]));
        Assert.Equal(store.Count * Expected.AccountFields.Count, (await LedgerAsync(harness)).Count(e => e.Object == "Account"));
    }

    private static Task<List<(string Object, string Record, string Field, string? Value)>> LedgerAsync(WriteBackHarness harness) =>
        harness.RowsAsync("SELECT object_name, record_key, field_name, value FROM crmsync.write_ledger")
            .ContinueWith(rows => rows.Result.Select(r => ((string)r["object_name"]!, (string)r["record_key"]!, (string)r["field_name"]!, (string?)r["value"])).ToList(),
                TaskScheduler.Default);

    /// <summary>Every ledger entry of an Account field, and of a snapshot's value, is what Salesforce holds.</summary>
    private static async Task AssertLedgerIsInSalesforceAsync(WriteBackHarness harness, List<(string Object, string Record, string Field, string? Value)> ledger)
    {
        var accounts = await Expected.AccountsInSalesforceAsync(harness.Client);
        var kinds = Expected.AccountFields.ToDictionary(f => f.Field);
        foreach (var entry in ledger.Where(e => e.Object == "Account"))
        {
            var (_, _, kind, scale) = kinds[entry.Field];
            Assert.True(LedgerText(entry.Value, kind, scale) == accounts[entry.Record][entry.Field], $"{entry.Record}.{entry.Field}: ledger {entry.Value}, Salesforce {accounts[entry.Record][entry.Field]}");
        }

        var snapshots = new Dictionary<string, JsonElement>();
        await foreach (var record in harness.Client.QueryAsync<JsonElement>("SELECT Snapshot_Key__c, Value__c FROM CrmSync_KPI_Snapshot__c"))
        {
            snapshots[record.GetProperty("Snapshot_Key__c").GetString()!] = record.GetProperty("Value__c");
        }

        foreach (var entry in ledger.Where(e => e.Object == "CrmSync_KPI_Snapshot__c" && e.Field == "Value__c"))
        {
            Assert.True(snapshots.TryGetValue(entry.Record, out var value), $"snapshot {entry.Record} is in the ledger but not in Salesforce");
            Assert.Equal(LedgerText(entry.Value, Expected.Kind.Number, 6), Expected.FromSalesforce(value, Expected.Kind.Number, 6));
        }
    }

    private static string? LedgerText(string? value, Expected.Kind kind, int scale) => value is null ? null : kind switch
    {
        Expected.Kind.Number or Expected.Kind.Percent => Expected.Number(decimal.Parse(value, CultureInfo.InvariantCulture), scale),
        Expected.Kind.DateTime => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        _ => value,
    };
}

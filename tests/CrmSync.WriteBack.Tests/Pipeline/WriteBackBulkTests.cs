using CrmSync.Testing;

namespace CrmSync.WriteBack.Tests.Pipeline;

/// <summary>Above WriteBack:BulkThresholdRecords the same values go by Bulk API 2.0 ingest, with per-record results.</summary>
public sealed class WriteBackBulkTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Large_change_sets_go_by_Bulk_ingest_and_its_failed_rows_are_recorded_and_retried()
    {
        await using var harness = await WriteBackHarness.StartAsync(server, settings: new()
        {
            ["WriteBack:BulkThresholdRecords"] = "50",
            ["WriteBack:RetryDelay"] = "00:00:00",
        });
        await harness.SyncAndComputeAsync();
        await harness.SetFaultsAsync("lock=0.2");

        var first = await harness.WriteBackAsync();

        Assert.All(first.Targets, t => Assert.Equal("bulk", t.Transport));
        var records = first.Targets.Sum(t => t.Records);
        Assert.InRange(first.Failed, records / 10, records * 3 / 10);
        Assert.Equal(first.Failed, first.ErrorCodes["UNABLE_TO_LOCK_ROW"]);
        Assert.Equal(records - first.Failed, first.Written);

        await harness.SetFaultsAsync(null);
        var retry = await harness.WriteBackAsync();

        Assert.Equal((first.Failed, first.Failed), (retry.Targets.Sum(t => t.Sent), retry.Written));
        var store = await Expected.AccountsInStoreAsync(harness);
        var salesforce = await Expected.AccountsInSalesforceAsync(harness.Client);
        Assert.All(store, account => Assert.Equal(account.Value, salesforce[account.Key]));
        Assert.Empty(await harness.RowsAsync("SELECT * FROM crmsync.write_error"));
    }
}

using CrmSync.Testing;

namespace CrmSync.WriteBack.Tests.Pipeline;

/// <summary>Records Salesforce refuses: recorded with their code, retried when retrying can help, and ending in the right state.</summary>
public sealed class WriteBackFailureTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly Dictionary<string, string?> NoClientRetries = new()
    {
        ["Salesforce:MaxRetries"] = "0",   // the client would otherwise re-send locked records itself
        ["WriteBack:RetryDelay"] = "00:10:00",
    };

    [Fact]
    public async Task Locked_records_are_recorded_retried_after_the_backoff_and_end_written()
    {
        await using var harness = await WriteBackHarness.StartAsync(server, settings: NoClientRetries);
        await harness.SyncAndComputeAsync();
        await harness.SetFaultsAsync("lock=0.2");

        var first = await harness.WriteBackAsync();

        var records = first.Targets.Sum(t => t.Records);
        Assert.InRange(first.Failed, records / 10, records * 3 / 10);   // about a fifth
        Assert.Equal(first.Failed, first.ErrorCodes["UNABLE_TO_LOCK_ROW"]);
        var errors = await harness.RowsAsync("SELECT record_key, retryable, next_retry_at, attempts FROM crmsync.write_error");
        Assert.Equal(first.Failed, errors.Count);
        Assert.All(errors, e => Assert.Equal((true, harness.Clock.GetUtcNow().AddMinutes(10), 1), ((bool)e["retryable"]!, ToOffset(e["next_retry_at"]), (int)e["attempts"]!)));
        var ledgered = await harness.RowsAsync("SELECT count(*) AS n FROM crmsync.write_ledger WHERE record_key = ANY($1)", (object)errors.Select(e => (string)e["record_key"]!).ToArray());
        Assert.Equal(0L, ledgered[0]["n"]);

        await harness.SetFaultsAsync(null);
        var tooEarly = await harness.WriteBackAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(10));
        var retried = await harness.WriteBackAsync();

        Assert.Equal((first.Failed, 0L), (tooEarly.Targets.Sum(t => t.Deferred), tooEarly.ApiCalls));
        Assert.Equal((first.Failed, first.Failed, 0), (retried.Targets.Sum(t => t.Sent), retried.Written, retried.Failed));
        Assert.Empty(await harness.RowsAsync("SELECT * FROM crmsync.write_error"));
        var store = await Expected.AccountsInStoreAsync(harness);
        var salesforce = await Expected.AccountsInSalesforceAsync(harness.Client);
        Assert.All(store, account => Assert.Equal(account.Value, salesforce[account.Key]));
    }

    [Fact]
    public async Task Refused_values_and_deleted_records_are_reported_and_not_resent_until_they_change()
    {
        await using var harness = await WriteBackHarness.StartAsync(server, settings: NoClientRetries);
        var run = await harness.SyncAndComputeAsync();
        var ids = (await harness.RowsAsync("SELECT account_id FROM crmsync.account_clv WHERE run_id = $1 ORDER BY account_id LIMIT 3", run))
            .Select(r => (string)r["account_id"]!).ToArray();
        var (tooLong, tooBig, deleted) = (ids[0], ids[1], ids[2]);
        await harness.ExecuteAsync("UPDATE crmsync.account_clv SET next_best_action = repeat('x', 300) WHERE run_id = $1 AND account_id = $2", run, tooLong);
        await harness.ExecuteAsync("UPDATE crmsync.account_metric SET contact_frequency = 123456789 WHERE run_id = $1 AND account_id = $2", run, tooBig);
        await harness.Client.DeleteRecordAsync("Account", deleted);

        var first = await harness.WriteBackAsync();

        Assert.Equal(3, first.Targets[0].Failed);
        Assert.Equal(
            new Dictionary<string, int> { ["STRING_TOO_LONG"] = 1, ["NUMBER_OUTSIDE_VALID_RANGE"] = 1, ["ENTITY_IS_DELETED"] = 1 },
            first.ErrorCodes);
        var errors = (await harness.RowsAsync("SELECT record_key, fields, retryable, next_retry_at FROM crmsync.write_error"))
            .ToDictionary(e => (string)e["record_key"]!);
        Assert.Equal(["CrmSync_Next_Best_Action__c"], (string[])errors[tooLong]["fields"]!);
        Assert.Equal(["CrmSync_Contact_Frequency__c"], (string[])errors[tooBig]["fields"]!);
        Assert.All(errors.Values, e => Assert.Equal((false, null), ((bool)e["retryable"]!, e["next_retry_at"])));

        // The records go again without the refused values; the deleted one does not.
        var second = await harness.WriteBackAsync();
        var third = await harness.WriteBackAsync();

        Assert.Equal((2, 2, 1), (second.Targets[0].Sent, second.Targets[0].Written, second.Targets[0].Blocked));
        Assert.Equal((3, 0L), (third.Targets[0].Blocked, third.ApiCalls));
        var store = await Expected.AccountsInStoreAsync(harness);
        var salesforce = await Expected.AccountsInSalesforceAsync(harness.Client);
        Assert.Null(salesforce[tooLong]["CrmSync_Next_Best_Action__c"]);
        Assert.Null(salesforce[tooBig]["CrmSync_Contact_Frequency__c"]);
        Assert.Equal(store[tooLong]["CrmSync_CLV_Tier__c"], salesforce[tooLong]["CrmSync_CLV_Tier__c"]);
        Assert.Equal(store[tooBig]["CrmSync_Win_Rate__c"], salesforce[tooBig]["CrmSync_Win_Rate__c"]);

        // Corrected values are written and their failures forgotten.
        var next = await WriteBackPipelineTests.CopyRunAsync(harness, run);
        await harness.ExecuteAsync("UPDATE crmsync.account_clv SET next_best_action = 'Call the customer' WHERE run_id = $1 AND account_id = $2", next, tooLong);
        await harness.ExecuteAsync("UPDATE crmsync.account_metric SET contact_frequency = 12.5 WHERE run_id = $1 AND account_id = $2", next, tooBig);

        var fixedRun = await harness.WriteBackAsync();

        Assert.Equal((2, 2, 2), (fixedRun.Targets[0].Sent, fixedRun.Targets[0].FieldsSent, fixedRun.Targets[0].Written));
        Assert.Equal([deleted], (await harness.RowsAsync("SELECT record_key FROM crmsync.write_error")).Select(e => (string)e["record_key"]!));
        salesforce = await Expected.AccountsInSalesforceAsync(harness.Client);
        Assert.Equal(("Call the customer", "12.50"), (salesforce[tooLong]["CrmSync_Next_Best_Action__c"], salesforce[tooBig]["CrmSync_Contact_Frequency__c"]));
    }

    private static DateTimeOffset ToOffset(object? value) => new((DateTime)value!);
}

using System.Globalization;
using System.Text.Json;
using CrmSync.Testing;

namespace CrmSync.WriteBack.Tests.Pipeline;

/// <summary>Sync → compute → write-back against the sandbox: Salesforce ends up holding the store's values, rounded per field.</summary>
public sealed class WriteBackPipelineTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly string[] RateMetrics =
    [
        "retention_rate", "acquisition_rate", "repeat_purchase_share", "lead_conversion_rate", "sales_growth_rate",
        "campaign_response_rate", "resolution_rate", "fcr_rate",
    ];

    [Fact]
    public async Task After_a_write_back_Salesforce_holds_the_stores_values_and_a_second_run_makes_no_call()
    {
        await using var harness = await WriteBackHarness.StartAsync(server);
        await harness.SyncAndComputeAsync();

        var first = await harness.WriteBackAsync();

        var store = await Expected.AccountsInStoreAsync(harness);
        var salesforce = await Expected.AccountsInSalesforceAsync(harness.Client);
        Assert.Equal(120, store.Count);
        Assert.All(Expected.AccountFields, f => Assert.Contains(store.Values, values => values[f.Field] is not null));
        foreach (var (id, fields) in store)
        {
            Assert.Equal(fields, salesforce[id]);
        }

        Assert.Equal(store.Count, first.Targets[0].Written);
        Assert.Equal(await SnapshotsInStoreAsync(harness), await SnapshotsInSalesforceAsync(harness));

        var callsBefore = await harness.CallsAsync();
        var second = await harness.WriteBackAsync();

        Assert.Equal(callsBefore, await harness.CallsAsync());
        Assert.Equal(0, second.ApiCalls);
        Assert.All(second.Targets, t => Assert.Equal(t.Records, t.Unchanged));
    }

    [Fact]
    public async Task A_changed_value_rewrites_only_that_field_of_that_record()
    {
        await using var harness = await WriteBackHarness.StartAsync(server);
        var run = await harness.SyncAndComputeAsync();
        await harness.WriteBackAsync();
        var account = (string)(await harness.RowsAsync("SELECT min(account_id) AS id FROM crmsync.account_metric WHERE run_id = $1", run))[0]["id"]!;

        // A new run equal to the last one but for one account's win rate and the org's retention rate.
        var next = await CopyRunAsync(harness, run);
        await harness.ExecuteAsync("UPDATE crmsync.account_metric SET win_rate = 0.123456 WHERE run_id = $1 AND account_id = $2", next, account);
        await harness.ExecuteAsync("UPDATE crmsync.segment_metric SET value = 0.5 WHERE run_id = $1 AND segment = '(all)' AND metric = 'retention_rate'", next);
        var writesBefore = await harness.SandboxWritesAsync();

        var report = await harness.WriteBackAsync();

        Assert.Equal(2, await harness.SandboxWritesAsync() - writesBefore);
        Assert.Equal((1, 1, 1), (report.Targets[0].Sent, report.Targets[0].FieldsSent, report.Targets[0].Written));
        Assert.Equal((1, 1), (report.Targets[1].Sent, report.Targets[1].FieldsSent));
        var winRate = await harness.Client.QuerySingleAsync<JsonElement>($"SELECT CrmSync_Win_Rate__c FROM Account WHERE Id = '{account}'");
        Assert.Equal(12.35m, winRate.GetProperty("CrmSync_Win_Rate__c").GetDecimal());
        var key = WriteBackHarness.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|(all)|retention_rate";
        var snapshot = await harness.Client.QuerySingleAsync<JsonElement>($"SELECT Value__c FROM CrmSync_KPI_Snapshot__c WHERE Snapshot_Key__c = '{key}'");
        Assert.Equal(50m, snapshot.GetProperty("Value__c").GetDecimal());
    }

    [Fact]
    public async Task A_dry_run_lists_old_and_new_values_and_writes_nothing()
    {
        await using var harness = await WriteBackHarness.StartAsync(server);
        var run = await harness.SyncAndComputeAsync();
        await harness.WriteBackAsync();
        var next = await CopyRunAsync(harness, run);
        var account = (string)(await harness.RowsAsync("SELECT min(account_id) AS id FROM crmsync.account_metric WHERE run_id = $1", run))[0]["id"]!;
        var old = (await harness.RowsAsync("SELECT csat FROM crmsync.account_metric WHERE run_id = $1 AND account_id = $2", run, account))[0]["csat"];
        await harness.ExecuteAsync("UPDATE crmsync.account_metric SET csat = 7.777 WHERE run_id = $1 AND account_id = $2", next, account);
        var writesBefore = await harness.SandboxWritesAsync();

        var report = await harness.WriteBackAsync(dryRun: true);

        var change = Assert.Single(report.Targets.SelectMany(t => t.Planned));
        Assert.Equal((account, "CrmSync_CSAT__c", "7.78"), (change.Record, change.Change.Field, change.Change.New));
        Assert.Equal(old is null ? null : Expected.Number((decimal)old, 2), change.Change.Old);
        Assert.Equal(writesBefore, await harness.SandboxWritesAsync());
        Assert.Equal(0, report.ApiCalls);
    }

    /// <summary>Copies a run's results into a new succeeded run (same as-of) and returns its id.</summary>
    internal static async Task<long> CopyRunAsync(WriteBackHarness harness, long run)
    {
        var id = (long)(await harness.RowsAsync("""
            INSERT INTO crmsync.metric_run (as_of, period_months, window_start, previous_window_start, settings, mapping_version, status, started_at, finished_at)
            SELECT as_of, period_months, window_start, previous_window_start, settings, mapping_version, 'succeeded', now(), now()
            FROM crmsync.metric_run WHERE id = $1 RETURNING id
            """, run))[0]["id"]!;
        await harness.ExecuteAsync("INSERT INTO crmsync.account_metric SELECT $2, account_id, segment, is_customer, first_purchase, repeat_purchase_value, growth_value, growth_volume, contact_frequency, csat, nps, response_time_hours, win_rate, resolution_rate, fcr_rate, engagement_score, avg_transaction_value, avg_payment_days, churn_cost, post_sale_satisfaction, campaign_response_rate, usage_days_per_week, upgrades_per_year, retained, records_used FROM crmsync.account_metric WHERE run_id = $1", run, id);
        await harness.ExecuteAsync("INSERT INTO crmsync.segment_metric SELECT $2, segment, metric, value, records_used FROM crmsync.segment_metric WHERE run_id = $1", run, id);
        await harness.ExecuteAsync("INSERT INTO crmsync.account_clv SELECT $2, account_id, purchases, frequency, recency, age, repeat_value, clv_historical, p_alive, expected_purchases, expected_deal_value, clv_predicted, clv_tier, next_best_action, next_purchase_date FROM crmsync.account_clv WHERE run_id = $1", run, id);
        return id;
    }

    private static async Task<Dictionary<string, string?>> SnapshotsInStoreAsync(WriteBackHarness harness)
    {
        var rows = await harness.RowsAsync("SELECT segment, metric, value FROM crmsync.segment_metric WHERE run_id = (SELECT max(id) FROM crmsync.metric_run)");
        var day = WriteBackHarness.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return rows.ToDictionary(
            r => $"{day}|{r["segment"]}|{r["metric"]}",
            r => r["value"] is decimal value
                ? Expected.Number(IsRate((string)r["metric"]!) ? value * 100m : value, 6)
                : null);
    }

    private static bool IsRate(string metric) => RateMetrics.Contains(metric) || metric.StartsWith("target_penetration:", StringComparison.Ordinal);

    private static async Task<Dictionary<string, string?>> SnapshotsInSalesforceAsync(WriteBackHarness harness)
    {
        var snapshots = new Dictionary<string, string?>();
        await foreach (var record in harness.Client.QueryAsync<JsonElement>("SELECT Snapshot_Key__c, Value__c, As_Of__c, Period_Months__c FROM CrmSync_KPI_Snapshot__c"))
        {
            Assert.Equal(12m, record.GetProperty("Period_Months__c").GetDecimal());
            var value = record.GetProperty("Value__c");
            snapshots[record.GetProperty("Snapshot_Key__c").GetString()!] = value.ValueKind == JsonValueKind.Null ? null : Expected.Number(value.GetDecimal(), 6);
        }

        return snapshots;
    }
}

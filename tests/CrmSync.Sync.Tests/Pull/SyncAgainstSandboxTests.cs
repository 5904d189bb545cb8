using CrmSync.Sync.Mappings;
using CrmSync.Testing;

namespace CrmSync.Sync.Tests.Pull;

/// <summary>The sync against the sandbox and a real PostgreSQL: the store must equal the org, row for row.</summary>
public sealed class SyncAgainstSandboxTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_full_sync_equals_the_org_and_an_incremental_one_brings_exactly_the_changes()
    {
        await using var harness = await SyncHarness.StartAsync(server, accounts: 300);

        var first = await harness.SyncAsync();
        Assert.All(first, r => Assert.True(r.Full));
        await AssertStoreEqualsOrgAsync(harness);

        await harness.AdvanceAsync(days: 10);
        var second = await harness.SyncAsync();

        Assert.All(second, r => Assert.False(r.Full));
        Assert.True(second.Sum(r => r.Changes.Inserted) > 0, "the sandbox's advance should have created records");
        Assert.True(second.Sum(r => r.Changes.Updated) > 0, "the sandbox's advance should have changed records");
        Assert.True(second.Where(r => r.Source != "campaign_member").Sum(r => r.Changes.Deleted) > 0, "soft deletes should have been pulled");
        Assert.True(second.Single(r => r.Source == "campaign_member").Reconciled > 0, "hard-deleted campaign members should have been found by Id");
        await AssertStoreEqualsOrgAsync(harness);
    }

    [Fact]
    public async Task A_run_with_no_change_makes_one_query_per_object_and_writes_nothing()
    {
        await using var harness = await SyncHarness.StartAsync(server, accounts: 200);
        await harness.SyncAsync();
        var before = await harness.CallsAsync();

        var again = await harness.SyncAsync();
        var after = await harness.CallsAsync();

        Assert.All(again, r => Assert.Equal(0, r.Changes.Changed + r.Reconciled));
        Assert.Equal(again.Count, Delta(before, after, "GET /queryAll"));
        Assert.Equal(0, Delta(before, after, "GET /query/{locator}"));
        // The one COUNT() that tells whether CampaignMember (hard deletes) needs an Id reconcile.
        Assert.Equal(1, Delta(before, after, "GET /query"));

        // Nothing else: the describes of the first run are reused (Sync:DescribeMaxAgeMinutes).
        Assert.Equal(again.Count + 1, after.Values.Sum() - before.Values.Sum());
    }

    [Fact]
    public async Task Large_pulls_go_through_bulk_and_end_equal_to_the_org()
    {
        await using var harness = await SyncHarness.StartAsync(server, accounts: 300, new() { ["Sync:BulkThresholdRows"] = "1500", ["Sync:BatchSize"] = "500" });

        var first = await harness.SyncAsync();
        Assert.Equal("Bulk", first.Single(r => r.Source == "deal").Transport);
        await AssertStoreEqualsOrgAsync(harness);

        await harness.AdvanceAsync(days: 30);
        await harness.SyncAsync();
        await AssertStoreEqualsOrgAsync(harness);
    }

    [Fact]
    public async Task CrmSyncs_own_write_backs_to_account_are_not_taken_for_customer_changes()
    {
        await using var harness = await SyncHarness.StartAsync(server, accounts: 100);
        await harness.SyncAsync();
        var accounts = await harness.StoredAsync("account");
        var client = harness.Get<Salesforce.Rest.ISalesforceClient>();
        foreach (var id in accounts.Keys.Order(StringComparer.Ordinal).Take(5))
        {
            await client.UpdateRecordAsync("Account", id, new Dictionary<string, object?> { ["CrmSync_Win_Rate__c"] = 55.5, ["CrmSync_KPI_As_Of__c"] = "2026-11-01T00:00:00.000Z" });
        }

        var again = await harness.SyncAsync();

        var account = again.Single(r => r.Source == "account");
        Assert.True(account.RowsRead >= 5, "the bumped accounts are read again");
        Assert.Equal(0, account.Changes.Changed);
    }

    [Fact]
    public async Task A_field_added_to_a_mapping_is_filled_on_the_next_run()
    {
        var mappings = Directory.CreateTempSubdirectory("crmsync-mappings-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("mappings"), "*.yaml", SearchOption.AllDirectories))
            {
                File.Copy(file, Path.Combine(mappings.FullName, Path.GetFileName(Path.GetDirectoryName(file)!) + "-" + Path.GetFileName(file)));
            }

            var deal = Path.Combine(mappings.FullName, "sources-deal.yaml");
            var original = await File.ReadAllTextAsync(deal);
            await File.WriteAllTextAsync(deal, original.Replace("  type: Type", "  type: ~", StringComparison.Ordinal));
            await using var harness = await SyncHarness.StartAsync(server, accounts: 100, new() { ["Sync:MappingsPath"] = mappings.FullName });
            await harness.SyncAsync();
            Assert.All((await harness.StoredAsync("deal")).Values, row => Assert.Null(row["type"]));

            await File.WriteAllTextAsync(deal, original);
            var again = await harness.SyncAsync();

            Assert.True(again.Single(r => r.Source == "deal").Full, "a changed field list forces a full pull of that object");
            Assert.False(again.Single(r => r.Source == "account").Full);
            var org = await harness.Org.ReadAsync("Opportunity", ["Type"]);
            var stored = await harness.StoredAsync("deal");
            Assert.Contains(org.Values, fields => fields["Type"] is not null);
            Assert.All(org, pair => Assert.Equal(pair.Value["Type"], stored[pair.Key]["type"]));
        }
        finally
        {
            mappings.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_row_committed_late_inside_the_lookback_is_not_missed()
    {
        var orgClock = new TurnableClock();
        await using var harness = await SyncHarness.StartAsync(server, accounts: 100, orgClock: orgClock);
        await harness.SyncAsync();
        var client = harness.Get<Salesforce.Rest.ISalesforceClient>();
        var deals = (await harness.StoredAsync("deal")).Keys.Order(StringComparer.Ordinal).ToList();

        orgClock.Turn(TimeSpan.FromMinutes(10));
        await client.UpdateRecordAsync("Opportunity", deals[0], new Dictionary<string, object?> { ["Amount"] = 12345.0 });
        await harness.SyncAsync();

        // A transaction that began a minute before the watermark commits only now: its
        // SystemModstamp is older than the newest row already stored.
        orgClock.Turn(TimeSpan.FromMinutes(-1));
        await client.UpdateRecordAsync("Opportunity", deals[1], new Dictionary<string, object?> { ["Amount"] = 54321.0 });
        var again = await harness.SyncAsync();

        Assert.Equal(1, again.Single(r => r.Source == "deal").Changes.Updated);
        Assert.Equal("54321", (await harness.StoredAsync("deal"))[deals[1]]["amount"]);
    }

    [Fact]
    public async Task A_deletion_purged_from_the_recycle_bin_while_sync_was_not_running_is_found()
    {
        var orgClock = new TurnableClock();
        var crmSyncClock = new TurnableClock();
        await using var harness = await SyncHarness.StartAsync(server, accounts: 100, orgClock: orgClock, crmSyncClock: crmSyncClock);
        await harness.SyncAsync();
        var contact = (await harness.StoredAsync("contact")).Keys.Order(StringComparer.Ordinal).First();
        await harness.Get<Salesforce.Rest.ISalesforceClient>().DeleteRecordAsync("Contact", contact);

        // 16 days without a sync and without any other change: the deletion has left the
        // recycle bin (queryAll no longer shows it) and the watermark has nothing to move it.
        orgClock.Turn(TimeSpan.FromDays(16));
        crmSyncClock.Turn(TimeSpan.FromDays(16));
        var again = await harness.SyncAsync();

        Assert.Equal(1, again.Single(r => r.Source == "contact").Reconciled);
        Assert.DoesNotContain(contact, (await harness.StoredAsync("contact")).Keys);
    }

    [Fact]
    public async Task A_full_pull_resumed_after_a_crash_still_finds_hard_deleted_rows()
    {
        await using var harness = await SyncHarness.StartAsync(server, accounts: 150);
        await harness.SyncAsync();

        // What a full pull killed after its last merged batch leaves: the watermark of that batch,
        // the full pull not marked complete. Then a campaign member is hard-deleted in the org.
        await harness.ExecuteAsync("""
            UPDATE crmsync.sync_state
            SET full_pull_complete = false
            WHERE source = 'campaign_member'
            """);
        var member = (await harness.StoredAsync("campaign_member")).Keys.Order(StringComparer.Ordinal).First();
        await harness.Get<Salesforce.Rest.ISalesforceClient>().DeleteRecordAsync("CampaignMember", member);

        var resumed = await harness.SyncAsync();

        Assert.False(resumed.Single(r => r.Source == "campaign_member").Full);
        Assert.Equal(1, resumed.Single(r => r.Source == "campaign_member").Reconciled);
        await AssertStoreEqualsOrgAsync(harness);
    }

    [Fact]
    public async Task A_first_load_that_hands_over_from_rest_to_bulk_mid_way_stores_each_row_once()
    {
        int live, withDeleted;
        await using (var probe = await SyncHarness.StartAsync(server, accounts: 300))
        {
            (live, withDeleted) = (await probe.Org.CountAsync("Opportunity", false), await probe.Org.CountAsync("Opportunity", true));
        }

        // The live COUNT() fits under the threshold, so the pull starts on REST; queryAll also
        // returns recycle-bin rows and crosses it, so the pull hands over to Bulk, which re-reads
        // the lookback window: rows the REST part already stored come again.
        Assert.True(withDeleted - live >= 2, $"the org needs deleted opportunities ({live} live, {withDeleted} in all)");
        await using var harness = await SyncHarness.StartAsync(server, accounts: 300,
            new() { ["Sync:BulkThresholdRows"] = (live + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["Sync:BatchSize"] = "500" });

        var first = await harness.SyncAsync();

        Assert.Equal("REST+Bulk", first.Single(r => r.Source == "deal").Transport);
        await AssertStoreEqualsOrgAsync(harness);
    }

    [Fact]
    public async Task An_incremental_backlog_larger_than_the_threshold_goes_to_bulk_after_one_rest_page()
    {
        await using var harness = await SyncHarness.StartAsync(server, accounts: 300,
            new() { ["Sync:BulkThresholdRows"] = "1500", ["Sync:BatchSize"] = "500", ["Salesforce:QueryBatchSize"] = "200" });
        await harness.SyncAsync();

        // As after weeks without a sync: the deals' watermark far back, so the incremental query matches every deal.
        await harness.ExecuteAsync("UPDATE crmsync.sync_state SET watermark = '2020-01-01' WHERE source = 'deal'");
        var before = await harness.CallsAsync();
        var again = (await harness.SyncAsync()).Single(r => r.Source == "deal");
        var after = await harness.CallsAsync();

        Assert.Equal("REST+Bulk", again.Transport);
        // One REST page per object, the deals' too: its totalSize said the backlog is past the threshold (paging up
        // to the threshold would have taken 8 pages of 200).
        Assert.Equal(harness.Mappings.Sources.Count, Delta(before, after, "GET /queryAll"));
        Assert.Equal(0, Delta(before, after, "GET /query/{locator}"));
        Assert.Equal(0, again.Changes.Changed);
        await AssertStoreEqualsOrgAsync(harness);
    }

    private static int Delta(Dictionary<string, int> before, Dictionary<string, int> after, string endpoint) =>
        after.GetValueOrDefault(endpoint) - before.GetValueOrDefault(endpoint);

    private static async Task AssertStoreEqualsOrgAsync(SyncHarness harness)
    {
        foreach (var source in harness.Mappings.Sources)
        {
            var org = await harness.Org.ReadAsync(source.ObjectName, source.Fields.Select(f => f.ApiName).ToList());
            var stored = await harness.StoredAsync(source.Source);

            Assert.Equal(org.Keys.Order(), stored.Keys.Order());
            foreach (var (id, fields) in org)
            {
                foreach (var field in source.Fields)
                {
                    Assert.True(fields[field.ApiName] == stored[id][field.Logical],
                        $"{source.ObjectName} {id}.{field.ApiName}: org '{fields[field.ApiName]}' vs stored '{stored[id][field.Logical]}'");
                }
            }
        }
    }
}

/// <summary>A clock the test turns forwards or back, to stamp Salesforce writes at chosen moments.</summary>
internal sealed class TurnableClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public void Turn(TimeSpan by) => now += by;

    public override DateTimeOffset GetUtcNow() => now;
}

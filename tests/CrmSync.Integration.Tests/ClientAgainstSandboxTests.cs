using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Limits;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;

namespace CrmSync.Integration.Tests;

public sealed class ClientAgainstSandboxTests
{
    private static readonly SandboxSettings Org = new() { Port = 0, Seed = 1, Accounts = 200 };

    [Fact]
    public async Task Rest_paging_reads_every_account_exactly_once()
    {
        await using var org = await SandboxOrg.StartAsync(Org, new() { ["Salesforce:QueryBatchSize"] = "200" });
        var client = org.Get<ISalesforceClient>();

        var total = await client.CountAsync("SELECT COUNT() FROM Account");
        var ids = new List<string>();
        await foreach (var row in client.QueryAsync<JsonElement>("SELECT Id, Name, Industry, CreatedDate FROM Account"))
        {
            ids.Add(row.GetProperty("Id").GetString()!);
            Assert.Equal("Account", row.GetProperty("attributes").GetProperty("type").GetString());
        }

        Assert.True(total >= 200, $"the sandbox was asked for 200 accounts and reports {total}");
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Opportunities_page_with_typed_amounts_dates_and_datetimes()
    {
        await using var org = await SandboxOrg.StartAsync(Org);
        var client = org.Get<ISalesforceClient>();

        var rows = await client.QueryAsync<OpportunityRow>("SELECT Id, AccountId, Amount, CloseDate, CreatedDate, IsWon FROM Opportunity").ToListAsync();

        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, await client.CountAsync("SELECT COUNT() FROM Opportunity"));
        Assert.Contains(rows, r => r.Amount > 0);
        Assert.All(rows, r => Assert.True(r.CreatedDate.Year > 2000));
    }

    [Fact]
    public async Task Bulk_query_returns_the_same_rows_as_rest_paging()
    {
        await using var org = await SandboxOrg.StartAsync(Org, new() { ["Salesforce:BulkMaxRecords"] = "70" });
        const string soql = "SELECT Id, Name FROM Account";

        var rest = await org.Get<ISalesforceClient>().QueryAsync<JsonElement>(soql)
            .Select(r => r.GetProperty("Id").GetString()!).ToListAsync();
        var bulk = await org.Get<IBulkQueries>().QueryAsync(soql).Select(r => r["Id"]!).ToListAsync();

        Assert.Equal(rest.Order(StringComparer.Ordinal), bulk.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Collection_updates_are_read_back()
    {
        await using var org = await SandboxOrg.StartAsync(Org);
        var client = org.Get<ISalesforceClient>();
        var ids = await client.QueryAsync<JsonElement>("SELECT Id FROM Account ORDER BY Id LIMIT 5")
            .Select(r => r.GetProperty("Id").GetString()!).ToListAsync();
        var updates = ids.Select((id, i) => new SObjectRecord("Account", new Dictionary<string, object?>
        {
            ["CrmSync_CLV_Predicted__c"] = 1000.25m * (i + 1),
            ["CrmSync_CLV_Tier__c"] = "Gold",
        }) { Id = id }).ToList();

        var results = await org.Get<ISObjectCollections>().UpdateAsync(updates);

        Assert.All(results, r => Assert.True(r.Result.Success, string.Join("; ", r.Result.Errors?.Select(e => e.Message) ?? [])));
        var inList = string.Join(",", ids.Select(id => $"'{id}'"));
        var readBack = await client.QueryAsync<JsonElement>($"SELECT Id, CrmSync_CLV_Predicted__c, CrmSync_CLV_Tier__c FROM Account WHERE Id IN ({inList})")
            .ToDictionaryAsync(r => r.GetProperty("Id").GetString()!, r => (r.GetProperty("CrmSync_CLV_Predicted__c").GetDecimal(), r.GetProperty("CrmSync_CLV_Tier__c").GetString()));
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.Equal((1000.25m * (i + 1), "Gold"), readBack[ids[i]]);
        }
    }

    [Fact]
    public async Task A_value_the_org_refuses_fails_that_record_only()
    {
        await using var org = await SandboxOrg.StartAsync(Org);
        var ids = await org.Get<ISalesforceClient>().QueryAsync<JsonElement>("SELECT Id FROM Account ORDER BY Id LIMIT 2")
            .Select(r => r.GetProperty("Id").GetString()!).ToListAsync();

        var results = await org.Get<ISObjectCollections>().UpdateAsync(
        [
            new SObjectRecord("Account", new Dictionary<string, object?> { ["CrmSync_NPS__c"] = 12.5m }) { Id = ids[0] },
            new SObjectRecord("Account", new Dictionary<string, object?> { ["CrmSync_CLV_Tier__c"] = "Diamond" }) { Id = ids[1] },
        ]);

        Assert.True(results[0].Result.Success);
        Assert.False(results[1].Result.Success);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", results[1].Result.Errors![0].StatusCode);
    }

    [Fact]
    public async Task An_unknown_field_fails_the_whole_call_with_invalid_field()
    {
        await using var org = await SandboxOrg.StartAsync(Org);
        var id = await org.Get<ISalesforceClient>().QueryAsync<JsonElement>("SELECT Id FROM Account LIMIT 1")
            .Select(r => r.GetProperty("Id").GetString()!).FirstAsync();

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => org.Get<ISObjectCollections>().UpdateAsync(
            [new SObjectRecord("Account", new Dictionary<string, object?> { ["No_Such_Field__c"] = 1 }) { Id = id }]));

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
    }

    [Fact]
    public async Task The_budget_stops_work_at_the_configured_share_of_the_sandbox_limit()
    {
        await using var org = await SandboxOrg.StartAsync(Org with { DailyApiLimit = 20 }, new() { ["Salesforce:DailyApiShare"] = "0.5" });
        var client = org.Get<ISalesforceClient>();

        var stop = await Assert.ThrowsAsync<ApiBudgetExceededException>(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await client.GetLimitsAsync();
            }
        });

        Assert.Equal(ApiBudgetStopReason.DailyShareReached, stop.Reason);
        var budget = org.Get<IApiBudget>().Snapshot;
        Assert.Equal(20, budget.DailyLimit);
        Assert.True(budget.Used <= 10, string.Create(CultureInfo.InvariantCulture, $"used {budget.Used} of a 10-call share"));
    }

    [Fact]
    public async Task The_orgs_request_limit_stops_work_with_its_own_reason()
    {
        await using var org = await SandboxOrg.StartAsync(Org with { Faults = "limit-after=5" }, new() { ["Salesforce:DailyApiShare"] = "1" });
        var client = org.Get<ISalesforceClient>();

        var stop = await Assert.ThrowsAsync<ApiBudgetExceededException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await client.GetLimitsAsync();
            }
        });

        Assert.Equal(ApiBudgetStopReason.RequestLimitExceeded, stop.Reason);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", stop.ErrorCode);
        await Assert.ThrowsAsync<ApiBudgetExceededException>(() => client.GetVersionsAsync());
    }

    [Fact]
    public async Task Bulk_ingest_upserts_snapshots_that_a_query_reads_back()
    {
        await using var org = await SandboxOrg.StartAsync(Org);
        var csv = BulkCsv.Write(
            ["Snapshot_Key__c", "Metric__c", "Segment__c", "Value__c", "As_Of__c"],
            [
                ["2026-11-01|(all)|csat", "csat", "(all)", "4.25", "2026-11-01T00:00:00.000Z"],
                ["2026-11-01|(all)|nps", "nps", "(all)", null, "2026-11-01T00:00:00.000Z"],
            ]);

        var result = await org.Get<IBulkIngest>().RunAsync(
            BulkIngestJobRequest.For("CrmSync_KPI_Snapshot__c", BulkIngestOperation.Upsert, "Snapshot_Key__c"), csv);

        Assert.Equal(BulkJobStates.JobComplete, result.Job.State);
        Assert.Equal(2, result.Successful.Count);
        Assert.Empty(result.Failed);
        var rows = await org.Get<ISalesforceClient>()
            .QueryAsync<JsonElement>("SELECT Snapshot_Key__c, Value__c FROM CrmSync_KPI_Snapshot__c ORDER BY Snapshot_Key__c")
            .ToListAsync();
        Assert.Equal(["2026-11-01|(all)|csat", "2026-11-01|(all)|nps"], rows.Select(r => r.GetProperty("Snapshot_Key__c").GetString()));
        Assert.Equal(4.25m, rows[0].GetProperty("Value__c").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("Value__c").ValueKind);
    }

    [Fact]
    public async Task An_idle_session_the_sandbox_expired_is_renewed_transparently()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var org = await SandboxOrg.StartAsync(Org with { TimeProvider = clock, SessionIdleTimeout = TimeSpan.FromMinutes(30) });
        var client = org.Get<ISalesforceClient>();
        await client.GetLimitsAsync();
        var first = await org.Get<CrmSync.Salesforce.Auth.ISalesforceSessionProvider>().GetSessionAsync(default);

        clock.Advance(TimeSpan.FromHours(1));
        var limits = await client.GetLimitsAsync();

        Assert.True(limits.ContainsKey("DailyApiRequests"));
        var second = await org.Get<CrmSync.Salesforce.Auth.ISalesforceSessionProvider>().GetSessionAsync(default);
        Assert.Equal(first.Generation + 1, second.Generation);
    }

    [Fact]
    public async Task Reads_and_writes_survive_503s_expiring_tokens_cut_off_bodies_and_locked_rows()
    {
        await using var org = await SandboxOrg.StartAsync(
            Org with { Faults = "503=0.1,expire-after=7,truncate=0.1,lock=0.2" },
            new() { ["Salesforce:QueryBatchSize"] = "200", ["Salesforce:MaxRetries"] = "6" });
        var client = org.Get<ISalesforceClient>();

        var opportunities = await client.QueryAsync<JsonElement>("SELECT Id, Amount FROM Opportunity").CountAsync();
        var accounts = await client.QueryAsync<JsonElement>("SELECT Id FROM Account").Select(r => r.GetProperty("Id").GetString()!).ToListAsync();
        var results = await org.Get<ISObjectCollections>().UpdateAsync(accounts
            .Select(id => new SObjectRecord("Account", new Dictionary<string, object?> { ["CrmSync_Engagement_Score__c"] = 7.5m }) { Id = id })
            .ToList());

        Assert.True(opportunities > 1000, $"{opportunities} opportunities");
        Assert.All(results, r => Assert.True(r.Result.Success, string.Join("; ", r.Result.Errors?.Select(e => e.StatusCode) ?? [])));
        var sessions = await org.Get<CrmSync.Salesforce.Auth.ISalesforceSessionProvider>().GetSessionAsync(default);
        Assert.True(sessions.Generation > 1, "the token expired along the way and was renewed");
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private long _offsetTicks;

        public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Read(ref _offsetTicks)) + (TimeProvider.System.GetUtcNow() - start);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    private sealed class OpportunityRow : SObject
    {
        public string Id { get; set; } = string.Empty;

        public string? AccountId { get; set; }

        public decimal? Amount { get; set; }

        public DateOnly? CloseDate { get; set; }

        public DateTimeOffset CreatedDate { get; set; }

        public bool IsWon { get; set; }
    }
}

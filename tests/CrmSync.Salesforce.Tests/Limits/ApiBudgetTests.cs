using System.Net;
using CrmSync.Salesforce.Limits;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;

namespace CrmSync.Salesforce.Tests.Limits;

public sealed class ApiBudgetTests
{
    private const string LimitsPath = SalesforceStub.DataPath + "/limits";

    [Fact]
    public async Task Every_response_updates_the_shared_counter()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(LimitsPath, DocExamples.Limits, usage: "api-usage=25/15000");

        await stub.Get<ISalesforceClient>().GetLimitsAsync();

        var snapshot = stub.Get<IApiBudget>().Snapshot;
        Assert.Equal((25L, 15000L, 7500L, 1L), (snapshot.Used, snapshot.DailyLimit!.Value, snapshot.AllowedCalls!.Value, snapshot.CallsMade));
        Assert.Equal(ApiBudgetStopReason.None, snapshot.StopReason);
        var health = await new SalesforceHealthCheck(stub.Get<IApiBudget>()).CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
        Assert.Equal("25 of 15000 daily API calls used", health.Description);
    }

    [Fact]
    public async Task Work_stops_before_the_configured_share_would_be_exceeded()
    {
        await using var stub = SalesforceStub.Start(new() { ["Salesforce:DailyApiShare"] = "0.5" }).StubLogin();
        stub.StubSequence(LimitsPath, "GET", n => SalesforceStub.Message(200, DocExamples.Limits, usage: $"api-usage={48 + n}/100"));
        var client = stub.Get<ISalesforceClient>();

        await client.GetLimitsAsync();
        await client.GetLimitsAsync();
        Assert.Equal(50, stub.Get<IApiBudget>().Snapshot.AllowedCalls);
        var stop = await Assert.ThrowsAsync<ApiBudgetExceededException>(() => client.GetLimitsAsync());

        Assert.Equal(ApiBudgetStopReason.DailyShareReached, stop.Reason);
        Assert.Contains("Salesforce:DailyApiShare", stop.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests(LimitsPath).Count);
        Assert.Equal(ApiBudgetStopReason.DailyShareReached, stub.Get<IApiBudget>().Snapshot.StopReason);
    }

    [Fact]
    public async Task Request_limit_exceeded_stops_work_without_retrying()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(LimitsPath).UsingGet())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.Forbidden, DocExamples.RequestLimitExceeded, usage: "api-usage=15001/15000"));
        var client = stub.Get<ISalesforceClient>();

        var stop = await Assert.ThrowsAsync<ApiBudgetExceededException>(() => client.GetLimitsAsync());
        var again = await Assert.ThrowsAsync<ApiBudgetExceededException>(() => client.GetLimitsAsync());

        Assert.Equal(ApiBudgetStopReason.RequestLimitExceeded, stop.Reason);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", stop.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, stop.StatusCode);
        Assert.Equal(ApiBudgetStopReason.RequestLimitExceeded, again.Reason);
        Assert.Single(stub.Requests(LimitsPath));
        var health = await new SalesforceHealthCheck(stub.Get<IApiBudget>()).CheckHealthAsync(new());
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, health.Status);
    }

    [Fact]
    public async Task After_the_recheck_interval_one_probe_call_may_find_the_budget_free_again()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 8, 10, 0, 0, TimeSpan.Zero));
        await using var stub = SalesforceStub.Start(new() { ["Salesforce:BudgetRecheckInterval"] = "00:15:00" }, clock).StubLogin();
        stub.StubSequence(LimitsPath, "GET", n => SalesforceStub.Message(200, DocExamples.Limits, usage: n == 1 ? "api-usage=50/100" : "api-usage=10/100"));
        var client = stub.Get<ISalesforceClient>();
        await client.GetLimitsAsync();
        await Assert.ThrowsAsync<ApiBudgetExceededException>(() => client.GetLimitsAsync());

        clock.Advance(TimeSpan.FromMinutes(14));
        await Assert.ThrowsAsync<ApiBudgetExceededException>(() => client.GetLimitsAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        await client.GetLimitsAsync();
        await client.GetLimitsAsync();

        Assert.Equal(ApiBudgetStopReason.None, stub.Get<IApiBudget>().Snapshot.StopReason);
        Assert.Equal(10, stub.Get<IApiBudget>().Snapshot.Used);
        Assert.Equal(3, stub.Requests(LimitsPath).Count);
    }

    [Fact]
    public async Task The_concurrent_request_limit_is_retried_and_does_not_stop_the_budget()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubSequence(LimitsPath, "GET", n => n == 1
            ? SalesforceStub.Message(403, """[{"message":"ConcurrentPerOrgLongTxn Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""")
            : SalesforceStub.Message(200, DocExamples.Limits));

        var limits = await stub.Get<ISalesforceClient>().GetLimitsAsync();

        Assert.Equal(15000, limits["DailyApiRequests"].Max);
        Assert.Equal(2, stub.Requests(LimitsPath).Count);
        Assert.Equal(ApiBudgetStopReason.None, stub.Get<IApiBudget>().Snapshot.StopReason);
    }
}

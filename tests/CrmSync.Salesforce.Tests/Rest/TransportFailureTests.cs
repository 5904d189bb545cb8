using System.Net;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Settings;

namespace CrmSync.Salesforce.Tests.Rest;

public sealed class TransportFailureTests
{
    private const string LimitsPath = SalesforceStub.DataPath + "/limits";

    [Fact]
    public async Task A_json_body_cut_short_is_fetched_again()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubSequence(LimitsPath, "GET", n => SalesforceStub.Message(200, n == 1 ? DocExamples.Limits[..40] : DocExamples.Limits));

        var limits = await stub.Get<ISalesforceClient>().GetLimitsAsync();

        Assert.Equal(15000, limits["DailyApiRequests"].Max);
        Assert.Equal(2, stub.Requests(LimitsPath).Count);
    }

    [Fact]
    public async Task A_body_that_stays_broken_ends_in_a_transport_exception_after_the_retries()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(LimitsPath, """{"DailyApiRequests":{"Max":15000,"Rem""");

        var error = await Assert.ThrowsAsync<SalesforceTransportException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());

        Assert.Equal(SalesforceTransportException.TransportFailed, error.ErrorCode);
        Assert.Contains("not complete JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests(LimitsPath).Count);
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_a_malformed_response()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(LimitsPath, """["not","a","limits","object"]""");

        var error = await Assert.ThrowsAsync<SalesforceTransportException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());

        Assert.Equal(SalesforceTransportException.MalformedResponse, error.ErrorCode);
    }

    [Theory]
    [InlineData(FaultType.EMPTY_RESPONSE)]
    [InlineData(FaultType.MALFORMED_RESPONSE_CHUNK)]
    public async Task A_broken_answer_is_retried_for_reads_but_a_create_is_never_sent_twice(FaultType fault)
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(LimitsPath).UsingGet()).RespondWith(Response.Create().WithFault(fault));
        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/composite/sobjects").UsingPost())
            .RespondWith(Response.Create().WithFault(fault));

        await Assert.ThrowsAsync<SalesforceTransportException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());
        await Assert.ThrowsAsync<SalesforceTransportException>(() => stub.Get<ISObjectCollections>().CreateAsync(
            [new SObjectRecord("Account", new Dictionary<string, object?> { ["Name"] = "Acme" })]));

        Assert.Equal(3, stub.Requests(LimitsPath).Count);
        Assert.Single(stub.Requests(SalesforceStub.DataPath + "/composite/sobjects"));
    }
}

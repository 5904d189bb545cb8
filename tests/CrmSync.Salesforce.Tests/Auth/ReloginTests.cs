using System.Net;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock;
using WireMock.RequestBuilders;

namespace CrmSync.Salesforce.Tests.Auth;

public sealed class ReloginTests
{
    private const string LimitsPath = SalesforceStub.DataPath + "/limits";

    /// <summary>The n-th login hands out token-n; only the newest token is accepted by the instance.</summary>
    private static SalesforceStub StartWithRotatingTokens(Func<int>? acceptedToken = null)
    {
        var stub = SalesforceStub.Start();
        var logins = 0;
        stub.Server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
                Json(200, DocExamples.TokenResponse("token-" + Interlocked.Increment(ref logins), stub.Server.Url!))));
        stub.Server.Given(Request.Create().WithPath(LimitsPath).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(request =>
            {
                var accepted = "Bearer token-" + (acceptedToken?.Invoke() ?? Volatile.Read(ref logins));
                return request.Headers!["Authorization"].Single() == accepted
                    ? Json(200, DocExamples.Limits)
                    : Json(401, DocExamples.SessionExpired);
            }));
        return stub;
    }

    private static ResponseMessage Json(int status, string body) => SalesforceStub.Message(status, body);

    [Fact]
    public async Task An_expired_session_is_renewed_once_and_the_request_replayed()
    {
        var expireFirstToken = 2;
        await using var stub = StartWithRotatingTokens(() => expireFirstToken);

        var limits = await stub.Get<ISalesforceClient>().GetLimitsAsync();

        Assert.Equal(15000, limits["DailyApiRequests"].Max);
        Assert.Equal(2, stub.LoginCount);
        var calls = stub.Requests(LimitsPath);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], calls.Select(c => c.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Equal(2, (await stub.Sessions.GetSessionAsync(default)).Generation);
    }

    [Fact]
    public async Task A_second_401_after_the_relogin_is_not_retried_again()
    {
        await using var stub = StartWithRotatingTokens(() => 99);

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());

        Assert.Equal(SalesforceErrorCodes.InvalidSessionId, error.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, stub.LoginCount);
        Assert.Equal(2, stub.Requests(LimitsPath).Count);
    }

    [Fact]
    public async Task Concurrent_callers_rejected_with_the_same_session_share_one_relogin()
    {
        var accepted = 1;
        await using var stub = StartWithRotatingTokens(() => Volatile.Read(ref accepted));
        var client = stub.Get<ISalesforceClient>();
        await client.GetLimitsAsync();
        Assert.Equal(1, stub.LoginCount);

        Volatile.Write(ref accepted, 2);
        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetLimitsAsync()));

        Assert.Equal(2, stub.LoginCount);
        Assert.Equal(2, (await stub.Sessions.GetSessionAsync(default)).Generation);
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_login()
    {
        await using var stub = StartWithRotatingTokens(() => 1);
        var client = stub.Get<ISalesforceClient>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetLimitsAsync()));

        Assert.Equal(1, stub.LoginCount);
        Assert.Equal(8, stub.Requests(LimitsPath).Count);
    }

    [Fact]
    public async Task A_write_is_replayed_with_its_body_after_the_relogin()
    {
        await using var stub = SalesforceStub.Start();
        var logins = 0;
        stub.Server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
                Json(200, DocExamples.TokenResponse("token-" + Interlocked.Increment(ref logins), stub.Server.Url!))));
        const string collections = SalesforceStub.DataPath + "/composite/sobjects";
        stub.Server.Given(Request.Create().WithPath(collections).UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(request =>
                request.Headers!["Authorization"].Single() == "Bearer token-2"
                    ? Json(200, """[{"id":"001R01","success":true,"errors":[]}]""")
                    : Json(401, DocExamples.SessionExpired)));

        var results = await stub.Get<ISObjectCollections>().CreateAsync(
            [new CrmSync.Salesforce.Json.SObjectRecord("Account", new Dictionary<string, object?> { ["Name"] = "Acme" })]);

        Assert.True(Assert.Single(results).Result.Success);
        var bodies = stub.Requests(collections).Select(r => r.RequestMessage.Body).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal("""{"allOrNone":false,"records":[{"attributes":{"type":"Account"},"Name":"Acme"}]}""", bodies[1]);
        Assert.Equal(bodies[0], bodies[1]);
    }
}

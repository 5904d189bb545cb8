using System.Net;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;

namespace CrmSync.Salesforce.Tests.Auth;

public sealed class SecretHygieneTests
{
    private static readonly string[] Secrets = [SalesforceStub.AccessToken, SalesforceStub.ClientSecret, SalesforceStub.Password];

    [Fact]
    public async Task Tokens_passwords_and_secrets_never_reach_logs_exceptions_or_ToString()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/limits").UsingGet())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.BadRequest, DocExamples.MalformedQuery));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());
        var session = await stub.Sessions.GetSessionAsync(default);

        var seen = string.Join("\n", stub.Logs.Lines) + "\n" + error + "\n" + session;
        Assert.Contains("Logged in to Salesforce instance", seen, StringComparison.Ordinal);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
        }
    }
}

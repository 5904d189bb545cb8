using System.Net;
using CrmSync.Salesforce.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.Logging;
using WireMock.Types;
using WireMock.Util;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmSync.Salesforce.Tests.TestSupport;

/// <summary>
/// A WireMock server standing in for both the login host and the instance, plus a service provider wired with
/// <c>AddSalesforce()</c> exactly as the host does, configured through the <c>Salesforce</c> section.
/// Retry and poll delays are zero so nothing waits.
/// </summary>
public sealed class SalesforceStub : IAsyncDisposable
{
    public const string ApiVersion = "62.0";
    public const string DataPath = "/services/data/v62.0";
    public const string AccessToken = "00DTEST!AQ4AQLoginTokenSecretValue";
    public const string ClientSecret = "client-secret-value-3817";
    public const string Password = "P@ssw0rd-and-security-token-9921";

    private readonly ServiceProvider _services;

    private SalesforceStub(Dictionary<string, string?>? overrides, TimeProvider? clock)
    {
        Server = WireMockServer.Start();
        var settings = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = Server.Url,
            ["Salesforce:ApiVersion"] = ApiVersion,
            ["Salesforce:AuthFlow"] = "password",
            ["Salesforce:ClientId"] = "3MVG9-test-client-id",
            ["Salesforce:ClientSecret"] = ClientSecret,
            ["Salesforce:Username"] = "integration@example.com",
            ["Salesforce:Password"] = Password,
            ["Salesforce:RetryDelay"] = "00:00:00",
            ["Salesforce:BulkPollDelay"] = "00:00:00",
            ["Salesforce:BulkPollMaxDelay"] = "00:00:00",
            ["Salesforce:MaxRetries"] = "2",
            ["Salesforce:QueryBatchSize"] = "200",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddSalesforce();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public WireMockServer Server { get; }

    public ListLoggerProvider Logs { get; } = new();

    public static SalesforceStub Start(Dictionary<string, string?>? overrides = null, TimeProvider? clock = null) => new(overrides, clock);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The token endpoint answers the documented success body with <paramref name="token"/>.</summary>
    public SalesforceStub StubLogin(string token = AccessToken)
    {
        Server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(Json(HttpStatusCode.OK, DocExamples.TokenResponse(token, Server.Url!)));
        return this;
    }

    public void StubGet(string path, string body, string? usage = "api-usage=18/15000") =>
        Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Json(HttpStatusCode.OK, body, usage));

    public static IResponseBuilder Json(HttpStatusCode status, string body, string? usage = "api-usage=18/15000")
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json;charset=UTF-8").WithBody(body);
        return usage is null ? response : response.WithHeader("Sforce-Limit-Info", usage);
    }

    /// <summary>Answers the n-th call (1-based) on <paramref name="path"/> with <paramref name="answer"/>(n).</summary>
    public void StubSequence(string path, string method, Func<int, ResponseMessage> answer)
    {
        var calls = 0;
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithCallback(_ => answer(Interlocked.Increment(ref calls))));
    }

    public static ResponseMessage Message(int status, string body, string? usage = "api-usage=18/15000")
    {
        var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json;charset=UTF-8") };
        if (usage is not null)
        {
            headers["Sforce-Limit-Info"] = new(usage);
        }

        return new ResponseMessage
        {
            StatusCode = status,
            Headers = headers,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        };
    }

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        Server.LogEntries.Where(e => e.RequestMessage.Path == path).ToList();

    public int LoginCount => Requests("/services/oauth2/token").Count;

    public ISalesforceSessionProvider Sessions => Get<ISalesforceSessionProvider>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Server.Stop();
        Server.Dispose();
    }
}

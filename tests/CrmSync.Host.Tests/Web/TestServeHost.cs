using System.Net;
using CrmSync.Host.Web;
using CrmSync.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace CrmSync.Host.Tests.Web;

/// <summary>
/// The real <c>serve</c> host (Hangfire server, migrations, health, dashboard) on a <see cref="TestServer"/>, so a test
/// chooses each request's scheme and remote address.
/// </summary>
internal static class TestServeHost
{
    /// <summary>A Salesforce section that passes validation; nothing calls it, and sync jobs go to a queue no server reads.</summary>
    public const string ParkedQueue = "parked";

    public static Dictionary<string, string?> OfflineSalesforce() => new()
    {
        ["Salesforce:LoginUrl"] = "http://127.0.0.1:9",
        ["Salesforce:AuthFlow"] = "password",
        ["Salesforce:ClientId"] = "crmsync-test",
        ["Salesforce:ClientSecret"] = "test-secret",
        ["Salesforce:Username"] = "admin@test.crmsync",
        ["Salesforce:Password"] = "test",
        ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
        ["Jobs:SyncCron"] = "0 0 1 1 *",
        ["Jobs:SyncQueue"] = ParkedQueue,
    };

    public static async Task<WebApplication> StartAsync(string connectionString, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var app = await CrmSyncWebApplication.BuildAsync(
            [
                new("ConnectionStrings:CrmSync", connectionString),
                new("Jobs:WorkerCount", "1"),
                new("Logging:LogLevel:Default", "Warning"),
                .. settings ?? [],
            ],
            "http://127.0.0.1:0",
            CancellationToken.None,
            builder => builder.WebHost.UseTestServer());
        await app.StartAsync();
        return app;
    }

    /// <summary>A client whose requests come from <paramref name="remote"/> to <paramref name="baseAddress"/> (its scheme is the request's).</summary>
    public static HttpClient Client(WebApplication app, string remote = "127.0.0.1", string baseAddress = "https://crmsync.test")
    {
        var handler = app.GetTestServer().CreateHandler(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            context.Connection.LocalIpAddress = IPAddress.Parse("10.0.0.5");
        });
        return new HttpClient(handler) { BaseAddress = new Uri(baseAddress) };
    }
}

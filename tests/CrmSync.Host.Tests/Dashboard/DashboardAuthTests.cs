using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CrmSync.Host.Dashboard;
using CrmSync.Host.Tests.Web;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Dashboard;

/// <summary>Who may open the dashboard: this machine only, until basic auth is configured; then whoever has the credentials (over HTTPS from elsewhere).</summary>
public sealed class DashboardAuthTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string Password = "correct horse battery";
    private const string RemoteAddress = "203.0.113.7";

    [Fact]
    public async Task Without_credentials_configured_only_local_requests_are_admitted()
    {
        await using var app = await TestServeHost.StartAsync(await server.CreateDatabaseAsync("authlocal"));
        using var local = TestServeHost.Client(app, remote: "127.0.0.1");
        using var remote = TestServeHost.Client(app, remote: RemoteAddress);

        using var fromHere = await local.GetAsync(DashboardEndpoints.Path);
        using var fromElsewhere = await remote.GetAsync(DashboardEndpoints.Path);
        remote.DefaultRequestHeaders.Authorization = Basic("admin", Password);
        using var fromElsewhereWithCredentials = await remote.GetAsync(DashboardEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, fromHere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, fromElsewhereWithCredentials.StatusCode);
    }

    [Fact]
    public async Task Once_configured_every_request_needs_the_credentials_and_a_remote_one_https()
    {
        await using var app = await TestServeHost.StartAsync(
            await server.CreateDatabaseAsync("authbasic"), [new("Dashboard:Username", "admin"), new("Dashboard:Password", Password)]);
        using var https = TestServeHost.Client(app, remote: RemoteAddress);
        using var plain = TestServeHost.Client(app, remote: RemoteAddress, baseAddress: "http://crmsync.test");
        using var local = TestServeHost.Client(app, remote: "127.0.0.1", baseAddress: "http://localhost");

        using var anonymous = await https.GetAsync("/hangfire/crmsync");
        https.DefaultRequestHeaders.Authorization = Basic("admin", "wrong password!");
        using var wrong = await https.GetAsync("/hangfire/crmsync");
        https.DefaultRequestHeaders.Authorization = Basic("admin", Password);
        using var right = await https.GetAsync("/hangfire/crmsync");
        plain.DefaultRequestHeaders.Authorization = Basic("admin", Password);
        using var rightOverHttp = await plain.GetAsync("/hangfire/crmsync");
        using var localAnonymous = await local.GetAsync("/hangfire/crmsync");
        local.DefaultRequestHeaders.Authorization = Basic("admin", Password);
        using var localOverHttp = await local.GetAsync("/hangfire/crmsync");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("<h1 id=\"page-title\" class=\"page-header\">CrmSync</h1>", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, rightOverHttp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, localAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, localOverHttp.StatusCode);
    }

    [Theory]
    [InlineData("admin", null, "Dashboard:Password must be set when Dashboard:Username is (Username was 'admin'); put it in CRMSYNC_Dashboard__Password or user secrets.")]
    [InlineData(null, "a long enough secret", "Dashboard:Username must be set when Dashboard:Password is (was empty).")]
    [InlineData("ad:min", "a long enough secret", "Dashboard:Username must not contain ':' (was 'ad:min').")]
    [InlineData("admin", "short-pw", "Dashboard:Password must be at least 12 characters (was 8).")]
    public void Bad_dashboard_settings_are_refused_naming_the_key_without_the_password(string? username, string? password, string message)
    {
        var result = new DashboardAuthOptionsValidator().Validate(null, new DashboardAuthOptions { Username = username, Password = password });

        Assert.Equal(message, result.FailureMessage);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}

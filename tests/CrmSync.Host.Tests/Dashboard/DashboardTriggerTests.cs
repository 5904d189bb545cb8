using System.Net;
using CrmSync.Host.Tests.Jobs;
using CrmSync.Host.Tests.Web;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Dashboard;

/// <summary>
/// The page's sync button. Alone: the command creates Hangfire's recurring job manager, which logs through Hangfire's
/// process-wide log provider, last set by whichever host started last (another test class's, disposed, if in parallel).
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class DashboardTriggerTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private const string PagePath = DashboardPageTests.PagePath;

    [Fact]
    public async Task The_sync_button_triggers_every_sync_job_and_needs_the_antiforgery_token()
    {
        await using var app = await TestServeHost.StartAsync(await server.CreateDatabaseAsync("trigger"), TestServeHost.OfflineSalesforce());
        using var http = TestServeHost.Client(app);
        using var page = await http.GetAsync(PagePath);
        var html = await page.Content.ReadAsStringAsync();
        var button = DashboardPageTests.ButtonTarget().Match(html);
        var header = DashboardPageTests.CsrfMeta().Match(html);
        var token = DashboardPageTests.CsrfTokenMeta().Match(html);
        Assert.True(button.Success && header.Success && token.Success, "the page has the button and Hangfire's antiforgery meta tags");
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        using var forged = await http.PostAsync(button.Groups[1].Value, null);
        var enqueuedAfterForged = DashboardPageTests.Enqueued(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, button.Groups[1].Value);
        request.Headers.Add(header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
        request.Headers.Add("Cookie", cookie);
        using var accepted = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(0, enqueuedAfterForged);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal(DashboardPageTests.RecurringSources(app).Count, DashboardPageTests.Enqueued(app));
        Assert.True(DashboardPageTests.RecurringSources(app).Count >= 10, "the shipped mappings schedule every source");
    }
}

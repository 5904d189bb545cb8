using System.Net;
using System.Text.RegularExpressions;
using CrmSync.Host.Jobs;
using CrmSync.Host.Tests.Web;
using CrmSync.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSync.Host.Tests.Dashboard;

/// <summary>The CrmSync page inside the Hangfire dashboard, rendered by the serve host over a real PostgreSQL.</summary>
public sealed partial class DashboardPageTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    internal const string PagePath = "/hangfire/crmsync";

    [Fact]
    public async Task The_page_shows_each_object_the_last_metric_run_with_its_quality_and_is_in_the_menu()
    {
        var connectionString = await server.CreateDatabaseAsync("page");
        await using var app = await TestServeHost.StartAsync(connectionString, TestServeHost.OfflineSalesforce());
        await HealthEndpointsTests.ExecuteAsync(connectionString, """
            INSERT INTO crmsync.sync_state (source, object_name, watermark, fields_signature, full_pull_complete, rows_stored, last_success_at) VALUES
                ('deal', 'Opportunity', '2026-05-31 23:59:58+00', 'x', true, 12345, '2026-06-01 00:05:00+00');
            INSERT INTO crmsync.metric_run (as_of, period_months, window_start, previous_window_start, settings, mapping_version, status, started_at, finished_at, timings)
                VALUES ('2026-06-30 00:00:00+00', 12, '2025-06-30', '2024-06-30', '{}', 'v1', 'succeeded',
                        '2026-07-01 08:00:00+00', '2026-07-01 08:00:03+00', '{"facts": 12, "clv": 40}');
            INSERT INTO crmsync.metric_quality (run_id, metric, configured, records_used, records_skipped, reasons) VALUES
                (1, 'win_rate', true, 120, 3, '{"null Amount (counted as 0)": 3}'),
                (1, 'csat', false, 0, 0, '{}');
            """);
        using var http = TestServeHost.Client(app);

        using var response = await http.GetAsync(PagePath);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("""<a href="/hangfire/crmsync">""", html, StringComparison.Ordinal);
        Assert.Equal(RecurringSources(app), Regex.Matches(html, """<tr data-source="([a-z_]+)">""").Select(m => m.Groups[1].Value).Order());
        var deal = Row(html, "data-source=\"deal\"");
        Assert.Equal(
            ["deal", "Opportunity", "2026-06-01 00:05:00 UTC", "12,345", "2026-05-31 23:59:58 UTC", "done"],
            Cells(deal).Take(6));
        Assert.Matches(@"^\d{4}-01-01 00:00:00 UTC$", Cells(deal)[6]);
        Assert.Equal(["account", "Account", "–", "–", "–", "not yet"], Cells(Row(html, "data-source=\"account\"")).Take(6));
        Assert.Contains("not reported yet (no call since start)", html, StringComparison.Ordinal);
        Assert.Contains("Run 1 as of 2026-06-30 00:00:00 UTC: <strong class=\"crmsync-run-status\">succeeded</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Steps: clv 40 ms, facts 12 ms", html, StringComparison.Ordinal); // jsonb orders keys
        Assert.Equal(["win_rate", "yes", "120", "3", "null Amount (counted as 0): 3"], Cells(Row(html, "data-metric=\"win_rate\"")));
        Assert.Equal(["csat", "no", "0", "0", ""], Cells(Row(html, "data-metric=\"csat\"")));
        Assert.Contains("id=\"crmsync-writeback\"", html, StringComparison.Ordinal);
    }

    internal static List<string> RecurringSources(WebApplication app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(SyncSchedule.JobIdPrefix, StringComparison.Ordinal))
            .Select(id => id[SyncSchedule.JobIdPrefix.Length..]).Order()];
    }

    internal static long Enqueued(WebApplication app) =>
        app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount(TestServeHost.ParkedQueue);

    private static string Row(string html, string marker)
    {
        var start = html.IndexOf("<tr " + marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row {marker}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static List<string> Cells(string row) =>
        [.. CellText().Matches(row).Select(m => WebUtility.HtmlDecode(TagText().Replace(m.Groups[1].Value, string.Empty)))];

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellText();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagText();

    [GeneratedRegex("id=\"crmsync-sync-all\"[^>]*data-ajax=\"([^\"]+)\"")]
    internal static partial Regex ButtonTarget();

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\">")]
    internal static partial Regex CsrfMeta();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    internal static partial Regex CsrfTokenMeta();
}

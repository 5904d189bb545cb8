using System.Globalization;
using System.Net;
using CrmSync.Salesforce.Limits;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;

namespace CrmSync.Host.Dashboard;

/// <summary>
/// The CrmSync page inside Hangfire's dashboard (<c>/hangfire/crmsync</c>), in Hangfire's own layout: the pipeline
/// (its runs and the newest one's steps, and a button that starts one), per-object sync status, the API budget, the
/// last metric run with its data quality, and write-back results with the records still failing.
/// </summary>
internal sealed partial class CrmSyncPage : RazorPage
{
    public const string Title = "CrmSync";

    public override void Execute()
    {
        Layout = new LayoutPage(Title);
        var status = Context.GetHttpContext().RequestServices.GetRequiredService<DashboardStatusReader>().Read();
        WriteLiteral($"""<div class="row"><div class="col-md-12"><h1 id="page-title" class="page-header">{Title}</h1>""");
        WritePipeline(status.Pipeline);
        WriteObjects(status);
        WriteBudget(status.Budget);
        WriteLastRun(status.LastRun);
        WriteWriteBack(status.WriteBack);
        WriteLiteral("</div></div>");
    }

    private void WriteObjects(DashboardStatus status)
    {
        WriteLiteral("""<h3>Objects</h3>""");
        if (!IsReadOnly && status.Objects.Any(o => o.Cron is not null))
        {
            WriteLiteral($"""
                <p><button id="crmsync-sync-all" class="btn btn-sm btn-primary" data-ajax="{E(Url.To(CrmSyncDashboardRoutes.SyncAllPath))}" data-loading-text="Triggering…">Sync all objects now</button></p>
                """);
        }

        if (status.Objects.Count == 0)
        {
            WriteLiteral("""<div class="alert alert-info">No object is scheduled or synced yet: configure the Salesforce section and restart.</div>""");
            return;
        }

        WriteLiteral("""
            <div class="table-responsive"><table id="crmsync-objects" class="table table-striped">
            <thead><tr><th>Source</th><th>Object</th><th>Last successful sync</th><th>Rows stored</th><th>Watermark</th><th>Full load</th><th>Next run</th><th>Schedule</th><th>Last job</th></tr></thead><tbody>
            """);
        foreach (var o in status.Objects)
        {
            WriteLiteral($"""
                <tr data-source="{E(o.Source)}"><td>{E(o.Source)}</td><td>{E(o.ObjectName)}</td><td>{Instant(o.LastSuccessAt)}</td><td class="crmsync-rows">{Number(o.RowsStored)}</td><td>{Instant(o.Watermark)}</td><td>{(o.FullPullComplete ? "done" : "not yet")}</td><td>{Instant(o.NextRun is { } next ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null)}</td><td><code>{E(o.Cron)}</code></td><td>{E(o.LastJobState)}</td></tr>
                """);
        }

        WriteLiteral("</tbody></table></div>");
    }

    private void WriteBudget(ApiBudgetSnapshot? budget)
    {
        WriteLiteral("""<h3>Salesforce API budget</h3>""");
        if (budget is null)
        {
            WriteLiteral("""<p id="crmsync-budget">Salesforce is not configured in this process.</p>""");
            return;
        }

        var usage = budget.DailyLimit is null
            ? "not reported yet (no call since start)"
            : $"{Number(budget.Used)} of {Number(budget.DailyLimit)} daily calls used org-wide; CrmSync may use up to {Number(budget.AllowedCalls)} ({budget.DailyApiShare.ToString("P0", CultureInfo.InvariantCulture)})";
        WriteLiteral($"""
            <p id="crmsync-budget">{E(usage)}. Calls sent by this server since start: {Number(budget.CallsMade)}. Last reported: {Instant(budget.ReportedAt)}.{(budget.StopReason == ApiBudgetStopReason.None ? string.Empty : $" <strong>Stopped: {E(budget.StopReason.ToString())}</strong>.")}</p>
            """);
    }

    private void WriteLastRun(MetricRunStatus? run)
    {
        WriteLiteral("""<h3>Last metric run</h3>""");
        if (run is null)
        {
            WriteLiteral("""<p id="crmsync-run">No metric run yet (<code>crmsync compute</code>).</p>""");
            return;
        }

        var timings = string.Join(", ", run.Timings.Select(t => $"{t.Key} {t.Value.ToString("0", CultureInfo.InvariantCulture)} ms"));
        WriteLiteral($"""
            <p id="crmsync-run">Run {run.Id} as of {Instant(run.AsOf)}: <strong class="crmsync-run-status">{E(run.Status)}</strong>, started {Instant(run.StartedAt)}, finished {Instant(run.FinishedAt)}.</p>
            <p>Steps: {E(timings.Length == 0 ? "none recorded" : timings)}</p>
            """);
        if (run.Error is not null)
        {
            WriteLiteral($"""<div class="alert alert-danger"><pre>{E(run.Error)}</pre></div>""");
        }

        WriteLiteral("""
            <div class="table-responsive"><table id="crmsync-quality" class="table table-condensed">
            <thead><tr><th>Metric</th><th>Configured</th><th>Records used</th><th>Skipped</th><th>Reasons</th></tr></thead><tbody>
            """);
        foreach (var q in run.Quality)
        {
            var reasons = string.Join("; ", q.Reasons.Select(r => $"{r.Key}: {r.Value.ToString(CultureInfo.InvariantCulture)}"));
            WriteLiteral($"""
                <tr data-metric="{E(q.Metric)}"><td>{E(q.Metric)}</td><td>{(q.Configured ? "yes" : "no")}</td><td>{Number(q.RecordsUsed)}</td><td>{Number(q.RecordsSkipped)}</td><td>{E(reasons)}</td></tr>
                """);
        }

        WriteLiteral("</tbody></table></div>");
    }

    internal static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    internal static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "–";

    internal static string Instant(DateTimeOffset? value) =>
        value is { } v ? E(v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)) : "–";
}

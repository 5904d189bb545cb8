using CrmSync.Host.Jobs;
using CrmSync.Host.Pipeline;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;

namespace CrmSync.Host.Dashboard;

/// <summary>
/// Adds the CrmSync page, its menu item and its command to Hangfire's dashboard. Hangfire keeps routes and menu items
/// process-wide, so they are added once, by this class's static constructor, however many hosts the process builds.
/// </summary>
internal static class CrmSyncDashboardRoutes
{
    public const string PagePath = "/crmsync";
    public const string SyncAllPath = "/crmsync/sync-all";
    public const string RunPipelinePath = "/crmsync/run-pipeline";

    static CrmSyncDashboardRoutes()
    {
        DashboardRoutes.Routes.AddRazorPage(PagePath, _ => new CrmSyncPage());

        // A POST from the page's button; Hangfire's middleware has already checked authorization and the antiforgery token.
        DashboardRoutes.Routes.AddCommand(SyncAllPath, TriggerEverySync);
        DashboardRoutes.Routes.AddCommand(RunPipelinePath, StartPipeline);
        NavigationMenu.Items.Add(page => new MenuItem(CrmSyncPage.Title, page.Url.To(PagePath))
        {
            Active = page.RequestPath.StartsWith(PagePath, StringComparison.OrdinalIgnoreCase),
        });
    }

    /// <summary>Makes sure the routes are in place (the first call runs the static constructor).</summary>
    public static void Register()
    {
    }

    /// <summary>Starts a pipeline run (or resumes the one still running), as the recurring <c>pipeline</c> job does.</summary>
    private static bool StartPipeline(DashboardContext context)
    {
        context.GetBackgroundJobClient().Enqueue<PipelineJob>(job => job.StartOrResumeAsync("dashboard", CancellationToken.None));
        DashboardLog.PipelineTriggered(context.GetHttpContext().RequestServices.GetRequiredService<ILogger<CrmSyncPage>>());
        return true;
    }

    /// <summary>Triggers every <c>sync:&lt;source&gt;</c> recurring job now, on its own queue and with its own retries and lock.</summary>
    private static bool TriggerEverySync(DashboardContext context)
    {
        List<string> ids;
        using (var connection = context.Storage.GetConnection())
        {
            ids = [.. connection.GetRecurringJobs().Select(job => job.Id).Where(id => id.StartsWith(SyncSchedule.JobIdPrefix, StringComparison.Ordinal))];
        }

        var manager = context.GetRecurringJobManager();
        foreach (var id in ids)
        {
            manager.Trigger(id);
        }

        var http = context.GetHttpContext();
        DashboardLog.SyncAllTriggered(http.RequestServices.GetRequiredService<ILogger<CrmSyncPage>>(), string.Join(", ", ids));
        return ids.Count > 0;
    }
}

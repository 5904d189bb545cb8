using Hangfire;
using Hangfire.Dashboard;

namespace CrmSync.Host.Dashboard;

public static class DashboardEndpoints
{
    public const string Path = "/hangfire";

    /// <summary>The Hangfire dashboard: open to requests from this machine, refused from anywhere else until authentication is configured.</summary>
    public static IEndpointRouteBuilder MapCrmSyncDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(Path, CreateOptions());
        return endpoints;
    }

    internal static DashboardOptions CreateOptions() => new()
    {
        DashboardTitle = "CrmSync jobs",
        AppPath = null,
        DisplayStorageConnectionString = false,
        Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
    };
}

using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Dashboard;

public static class DashboardEndpoints
{
    public const string Path = "/hangfire";

    /// <summary>The CrmSync page's data, the dashboard's access rules (section <c>Dashboard</c>) and the antiforgery tokens its buttons carry.</summary>
    public static IServiceCollection AddCrmSyncDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardAuthOptions>().BindConfiguration(DashboardAuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardAuthOptions>, DashboardAuthOptionsValidator>();
        services.AddSingleton<DashboardAuthorizationFilter>();
        services.AddSingleton<DashboardStatusReader>();
        services.AddAntiforgery();
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard with the CrmSync page: without <c>Dashboard:Username</c>/<c>Password</c>, open to requests
    /// from this machine only; with them, every request needs them (over HTTPS from other machines).
    /// </summary>
    public static IEndpointRouteBuilder MapCrmSyncDashboard(this IEndpointRouteBuilder endpoints)
    {
        CrmSyncDashboardRoutes.Register();
        endpoints.MapHangfireDashboard(Path, CreateOptions(endpoints.ServiceProvider.GetRequiredService<DashboardAuthorizationFilter>()));
        return endpoints;
    }

    internal static DashboardOptions CreateOptions(IDashboardAuthorizationFilter authorization) => new()
    {
        DashboardTitle = "CrmSync jobs",
        AppPath = null,
        DisplayStorageConnectionString = false,
        Authorization = [authorization],
    };
}

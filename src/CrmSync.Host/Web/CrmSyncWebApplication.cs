using CrmSync.Host.Configuration;
using CrmSync.Host.Dashboard;
using CrmSync.Host.Database;
using CrmSync.Host.Health;
using CrmSync.Host.Jobs;
using CrmSync.Host.Telemetry;

namespace CrmSync.Host.Web;

/// <summary>The production process (<c>crmsync serve</c>): job server, dashboard and health endpoint.</summary>
public static class CrmSyncWebApplication
{
    /// <param name="urls">Where to listen; null: the setting <c>Urls</c>, else <c>http://localhost:5080</c>.</param>
    /// <param name="configure">Last changes to the builder before it builds (tests use it to host on a TestServer).</param>
    public static async Task<WebApplication> BuildAsync(
        IEnumerable<KeyValuePair<string, string?>> settings, string? urls, CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = CrmSyncConfiguration.ContentRoot });
        builder.AddCrmSyncConfiguration(settings);
        builder.Logging.AddCrmSyncLogging(builder.Configuration, LogLevel.Information);
        builder.WebHost.UseUrls(urls ?? builder.Configuration["Urls"] ?? Cli.ServeCommand.DefaultUrls);
        await builder.AddCrmSyncDatabaseAsync(cancellationToken);
        builder.Services.AddCrmSyncJobs();
        var salesforceConfigured = builder.Configuration.GetSection("Salesforce").Exists();
        if (salesforceConfigured)
        {
            builder.Services.AddCrmSyncSyncJobs();
        }

        builder.Services.AddCrmSyncHealthChecks(salesforceConfigured);
        builder.Services.AddCrmSyncDashboard();
        builder.AddCrmSyncTelemetry();
        configure?.Invoke(builder);

        var app = builder.Build();
        if (!salesforceConfigured)
        {
            JobsLog.NoSalesforce(app.Logger);
        }

        app.Services.ValidateOptionsNow();
        app.MapCrmSyncHealth();
        app.MapCrmSyncDashboard();
        return app;
    }
}

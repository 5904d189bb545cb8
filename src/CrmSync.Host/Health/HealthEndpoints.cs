using System.Text.Json;
using CrmSync.Salesforce.Limits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is checked). <c>/health/ready</c>: the database with
/// its migrations, and, with a Salesforce section, the API budget and the age of the last sync.
/// <c>/health</c>: the database check alone, as before the split.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = "/health";
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string DatabaseTag = "database";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddCrmSyncHealthChecks(this IServiceCollection services, bool salesforceConfigured)
    {
        services.TryAddSingleton(TimeProvider.System);
        var checks = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseTag, ReadyTag]);
        if (salesforceConfigured)
        {
            services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
            services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
            checks.AddCheck<SalesforceHealthCheck>("salesforce", tags: [ReadyTag])
                .AddCheck<SyncAgeHealthCheck>("sync", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary>Each endpoint answers 200 when healthy or degraded, 503 otherwise, with each check's status and description as JSON.</summary>
    public static IEndpointRouteBuilder MapCrmSyncHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(Path, Json(check => check.Tags.Contains(DatabaseTag)));
        endpoints.MapHealthChecks(LivePath, Json(_ => false));
        endpoints.MapHealthChecks(ReadyPath, Json(check => check.Tags.Contains(ReadyTag)));
        return endpoints;
    }

    private static HealthCheckOptions Json(Func<HealthCheckRegistration, bool> predicate) =>
        new() { Predicate = predicate, ResponseWriter = WriteJsonAsync };

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, data = entry.Value.Data }),
        }));
    }
}

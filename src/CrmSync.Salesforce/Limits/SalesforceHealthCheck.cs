using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmSync.Salesforce.Limits;

/// <summary>
/// Reports the API budget without spending a call: Healthy while work may run, Degraded once the budget stopped it.
/// Register with <c>services.AddHealthChecks().AddCheck&lt;SalesforceHealthCheck&gt;("salesforce")</c>.
/// </summary>
public sealed class SalesforceHealthCheck(IApiBudget budget) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = budget.Snapshot;
        var data = new Dictionary<string, object>
        {
            ["used"] = snapshot.Used,
            ["dailyLimit"] = snapshot.DailyLimit ?? 0,
            ["allowedCalls"] = snapshot.AllowedCalls ?? 0,
            ["callsMade"] = snapshot.CallsMade,
        };
        return Task.FromResult(snapshot.StopReason == ApiBudgetStopReason.None
            ? HealthCheckResult.Healthy($"{snapshot.Used} of {snapshot.DailyLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} daily API calls used", data)
            : HealthCheckResult.Degraded($"Salesforce calls stopped: {snapshot.StopReason}", data: data));
    }
}

using CrmSync.Store.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CrmSync.Host.Health;

/// <summary>Healthy when the database answers and every migration of this build is applied unchanged.</summary>
internal sealed class DatabaseHealthCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        MigrationStatus status;
        try
        {
            status = await migrations.GetStatusAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The message only: an exception's text can carry the host name but never the password.
            return HealthCheckResult.Unhealthy($"Database unreachable: {e.Message}");
        }

        var data = new Dictionary<string, object> { ["migrationsApplied"] = status.Applied.Count, ["migrationsPending"] = status.Pending.Count };
        if (status.Changed.Count > 0)
        {
            return HealthCheckResult.Unhealthy($"Migration {status.Changed[0].FileName} differs from the one applied.", data: data);
        }

        return status.Pending.Count == 0
            ? HealthCheckResult.Healthy($"Reachable; {status.Applied.Count} migrations applied.", data)
            : HealthCheckResult.Unhealthy($"Migrations pending: {string.Join(", ", status.Pending.Select(m => m.FileName))}.", data: data);
    }
}

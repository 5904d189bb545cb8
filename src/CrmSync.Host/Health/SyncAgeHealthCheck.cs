using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Host.Health;

/// <summary>
/// Healthy while every source's last successful pull (<c>crmsync.sync_state.last_success_at</c>) is younger than
/// <c>Health:MaxSyncAgeMinutes</c>; Unhealthy once one is older; Degraded while a source has never succeeded
/// (a first load can take a while and should not take the server out of rotation).
/// </summary>
internal sealed class SyncAgeHealthCheck(NpgsqlDataSource dataSource, IOptions<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    private const string LastSuccessSql = "SELECT source, last_success_at FROM crmsync.sync_state ORDER BY source";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var maxAge = TimeSpan.FromMinutes(options.Value.MaxSyncAgeMinutes);
        var now = clock.GetUtcNow();
        var stale = new List<string>();
        var never = new List<string>();
        var data = new Dictionary<string, object> { ["maxAgeMinutes"] = options.Value.MaxSyncAgeMinutes };
        try
        {
            await using var command = dataSource.CreateCommand(LastSuccessSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var source = reader.GetString(0);
                if (reader.IsDBNull(1))
                {
                    never.Add(source);
                    data[source] = "never";
                    continue;
                }

                var age = now - reader.GetFieldValue<DateTimeOffset>(1);
                data[source] = Math.Round(age.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture) + " min";
                if (age > maxAge)
                {
                    stale.Add(source);
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Database unreachable: {e.Message}");
        }

        if (stale.Count > 0)
        {
            return HealthCheckResult.Unhealthy(
                $"Last successful sync older than {options.Value.MaxSyncAgeMinutes} minutes (Health:MaxSyncAgeMinutes): {string.Join(", ", stale)}.", data: data);
        }

        return never.Count > 0 || data.Count == 1
            ? HealthCheckResult.Degraded($"No successful sync yet: {(never.Count > 0 ? string.Join(", ", never) : "no source has been pulled")}.", data: data)
            : HealthCheckResult.Healthy($"Every source synced within {options.Value.MaxSyncAgeMinutes} minutes.", data);
    }
}

using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Metrics.Runs;

/// <summary>The <c>crmsync.metric_run</c> rows: a run is recorded before it starts, so a failure stays visible.</summary>
internal static class MetricRunStore
{
    private const string LockSql = "SELECT pg_advisory_lock(hashtext('crmsync:compute'))";

    private const string AbandonSql = """
        UPDATE crmsync.metric_run
        SET status = 'failed', finished_at = now(), error = 'interrupted (the process ended before the run finished)'
        WHERE status = 'running'
        """;

    private const string StartSql = """
        INSERT INTO crmsync.metric_run (as_of, period_months, window_start, previous_window_start, settings, mapping_version, status, started_at)
        VALUES (@as_of, @period_months, @w_start, @w1_start, @settings, @mapping_version, 'running', @started_at)
        RETURNING id
        """;

    private const string MappingVersionSql = """
        SELECT coalesce(md5(string_agg(source || '=' || fields_signature, ';' ORDER BY source)), 'none')
        FROM crmsync.sync_state
        """;

    private const string PulledSourcesSql = "SELECT source, missing_fields FROM crmsync.sync_state WHERE full_pull_complete";

    private const string SucceedSql = "UPDATE crmsync.metric_run SET status = 'succeeded', finished_at = @finished_at, timings = @timings WHERE id = @id";

    private const string FailSql = "UPDATE crmsync.metric_run SET status = 'failed', finished_at = @finished_at, error = @error WHERE id = @id";

    /// <summary>Only one run at a time; any run still 'running' when the lock is granted was interrupted.</summary>
    public static async Task LockAndAbandonInterruptedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand(LockSql, connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var abandon = new NpgsqlCommand(AbandonSql, connection);
        await abandon.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<string> MappingVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(MappingVersionSql, connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The sources pulled completely at least once, each with the mapped fields the org lacked at its last pull.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> PulledSourcesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PulledSourcesSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sources = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            sources[reader.GetString(0)] = reader.GetFieldValue<string[]>(1).ToHashSet(StringComparer.Ordinal);
        }

        return sources;
    }

    public static async Task<long> StartAsync(
        NpgsqlConnection connection, RunWindow window, string settingsJson, string mappingVersion, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StartSql, connection);
        command.Parameters.AddWithValue("as_of", window.AsOf.ToUniversalTime());
        command.Parameters.AddWithValue("period_months", window.PeriodMonths);
        command.Parameters.AddWithValue("w_start", window.WindowStart);
        command.Parameters.AddWithValue("w1_start", window.PreviousWindowStart);
        command.Parameters.AddWithValue("settings", NpgsqlDbType.Jsonb, settingsJson);
        command.Parameters.AddWithValue("mapping_version", mappingVersion);
        command.Parameters.AddWithValue("started_at", startedAt.ToUniversalTime());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task SucceedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, DateTimeOffset finishedAt, string timingsJson, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SucceedSql, connection, transaction);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("finished_at", finishedAt.ToUniversalTime());
        command.Parameters.AddWithValue("timings", NpgsqlDbType.Jsonb, timingsJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task FailAsync(NpgsqlConnection connection, long runId, DateTimeOffset finishedAt, string error)
    {
        await using var command = new NpgsqlCommand(FailSql, connection);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("finished_at", finishedAt.ToUniversalTime());
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}

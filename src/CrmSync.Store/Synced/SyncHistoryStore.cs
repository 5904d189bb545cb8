using Npgsql;

namespace CrmSync.Store.Synced;

/// <summary>What one pull of one source did, as recorded in <c>crmsync.sync_history</c>.</summary>
public sealed record SyncHistoryEntry(
    string Source, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, bool Succeeded,
    bool? Full = null, string? Transport = null, long? RowsRead = null, long? Inserted = null, long? Updated = null, long? Deleted = null, string? Error = null);

/// <summary>Appends to <c>crmsync.sync_history</c>, naming this process (host:pid).</summary>
public sealed class SyncHistoryStore(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO crmsync.sync_history
            (source, process, started_at, finished_at, outcome, full_pull, transport, rows_read, inserted, updated, deleted, error)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """;

    private static readonly string Process = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task RecordAsync(SyncHistoryEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        object?[] values =
        [
            entry.Source, Process, entry.StartedAt, entry.FinishedAt, entry.Succeeded ? "succeeded" : "failed",
            entry.Full, entry.Transport, entry.RowsRead, entry.Inserted, entry.Updated, entry.Deleted, entry.Error,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

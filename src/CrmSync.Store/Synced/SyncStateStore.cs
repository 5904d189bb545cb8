using Npgsql;

namespace CrmSync.Store.Synced;

/// <summary>Reads and writes <c>crmsync.sync_state</c>.</summary>
public sealed class SyncStateStore(NpgsqlDataSource dataSource)
{
    private const string SelectSql = """
        SELECT source, object_name, watermark, watermark_id, fields_signature, full_pull_complete, last_success_at
        FROM crmsync.sync_state
        WHERE source = $1
        """;

    private const string SaveSql = """
        INSERT INTO crmsync.sync_state AS s
            (source, object_name, watermark, watermark_id, fields_signature, full_pull_complete, rows_stored, last_success_at, missing_fields, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
        ON CONFLICT (source) DO UPDATE
        SET object_name = EXCLUDED.object_name,
            watermark = EXCLUDED.watermark,
            watermark_id = EXCLUDED.watermark_id,
            fields_signature = EXCLUDED.fields_signature,
            full_pull_complete = s.full_pull_complete OR EXCLUDED.full_pull_complete,
            rows_stored = s.rows_stored + EXCLUDED.rows_stored,
            last_success_at = coalesce(EXCLUDED.last_success_at, s.last_success_at),
            missing_fields = EXCLUDED.missing_fields,
            updated_at = now()
        """;

    private const string ResetSql = """
        UPDATE crmsync.sync_state
        SET watermark = NULL, watermark_id = NULL, full_pull_complete = false, fields_signature = $2, updated_at = now()
        WHERE source = $1
        """;

    public async Task<SyncState?> GetAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SyncState(
            reader.GetString(0), reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetDateTime(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4), reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetDateTime(6));
    }

    /// <summary>Forgets the watermark: the next pull of this source is a full one.</summary>
    public async Task ResetAsync(string source, string fieldsSignature, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ResetSql);
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        command.Parameters.Add(new NpgsqlParameter { Value = fieldsSignature });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Saves <paramref name="state"/> on the caller's connection (inside its transaction), adding <paramref name="rowsAdded"/> to the row count.</summary>
    internal static async Task SaveAsync(NpgsqlConnection connection, SyncState state, long rowsAdded, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SaveSql, connection)
        {
            Parameters =
            {
                new() { Value = state.Source },
                new() { Value = state.ObjectName },
                new() { Value = (object?)state.Watermark ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                new() { Value = (object?)state.WatermarkId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
                new() { Value = state.FieldsSignature },
                new() { Value = state.FullPullComplete },
                new() { Value = rowsAdded },
                new() { Value = (object?)state.LastSuccessAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                new() { Value = (state.MissingFields ?? []).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text },
            },
        };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

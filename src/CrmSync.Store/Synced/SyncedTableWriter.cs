using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Store.Synced;

/// <summary>
/// Loads a batch of pulled records: binary COPY into a temporary staging table, then one
/// transaction that deletes what Salesforce deleted, upserts what changed (an unchanged row is
/// not rewritten) and moves the source's watermark. A crash at any point leaves either the whole
/// batch with its watermark or neither.
/// </summary>
public sealed class SyncedTableWriter(NpgsqlDataSource dataSource)
{
    public async Task<MergeResult> MergeAsync(SyncedTable table, IReadOnlyList<SyncedRow> rows, SyncState newState, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = new MergeSql(table);

        await ExecuteAsync(connection, sql.CreateStage, cancellationToken);
        await CopyAsync(connection, table, sql, rows, cancellationToken);
        var deleted = await ExecuteAsync(connection, sql.DeleteRemoved, cancellationToken);
        var (inserted, updated) = await UpsertAsync(connection, sql, cancellationToken);
        await SyncStateStore.SaveAsync(connection, newState, rowsAdded: inserted - deleted, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return new MergeResult(inserted, updated, deleted);
    }

    /// <summary>
    /// Deletes the rows whose Id is not in <paramref name="ids"/> (every Id the org still has), in
    /// one transaction; returns how many went.
    /// </summary>
    public async Task<long> DeleteMissingAsync(SyncedTable table, IAsyncEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = new ReconcileSql(table);
        await ExecuteAsync(connection, ReconcileSql.CreateOrgIds, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(ReconcileSql.CopyOrgIds, cancellationToken))
        {
            await foreach (var id in ids.WithCancellation(cancellationToken))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var deleted = await ExecuteAsync(connection, sql.DeleteMissing, cancellationToken);
        await using (var count = new NpgsqlCommand(ReconcileSql.SubtractFromCount, connection))
        {
            count.Parameters.Add(new NpgsqlParameter { Value = deleted });
            count.Parameters.Add(new NpgsqlParameter { Value = table.Source });
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public async Task<long> CountAsync(SyncedTable table, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table.QualifiedName}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, SyncedTable table, MergeSql sql, IReadOnlyList<SyncedRow> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(sql.CopyIntoStage, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.Id, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.SystemModstamp, NpgsqlDbType.TimestampTz, cancellationToken);
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (row.Values[i] is { } value)
                {
                    await copy.WriteAsync(value, table.Columns[i].Type, cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                }
            }

            await copy.WriteAsync(row.RawJson, NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(row.IsDeleted, NpgsqlDbType.Boolean, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<(long Inserted, long Updated)> UpsertAsync(NpgsqlConnection connection, MergeSql sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql.UpsertChanged, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Store.Synced;

/// <summary>
/// Loads a batch of pulled records: binary COPY into a temporary staging table, then one
/// transaction that deletes what Salesforce deleted, upserts what changed (an unchanged row is
/// not rewritten) and moves the source's watermark. A crash at any point leaves either the whole
/// batch with its watermark or neither.
/// </summary>
public sealed class SyncedTableWriter(NpgsqlDataSource dataSource, ILogger<EmptyTableLoad> firstLoadLogger)
{
    public async Task<MergeResult> MergeAsync(SyncedTable table, IReadOnlyList<SyncedRow> rows, SyncState newState, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = new MergeSql(table);

        await connection.ExecuteAsync(sql.CreateStage, cancellationToken);
        await CopyAsync(connection, table, sql.CopyIntoStage, rows, withDeletedFlag: true, cancellationToken);
        var deleted = await DeleteAsync(connection, sql, rows, cancellationToken);
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
        await connection.ExecuteAsync(ReconcileSql.CreateOrgIds, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(ReconcileSql.CopyOrgIds, cancellationToken))
        {
            await foreach (var id in ids.WithCancellation(cancellationToken))
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var deleted = await connection.ExecuteAsync(sql.DeleteMissing, cancellationToken);
        await connection.ExecuteAsync(ReconcileSql.SubtractFromCount, cancellationToken, deleted, table.Source);

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>
    /// The first load of an empty table: COPY straight into it (no staging, no upsert) with the
    /// watermark in the same transaction. Deleted rows are skipped. Only for a table that was empty
    /// when the pull began and is written by no one else (one pull per source at a time).
    /// </summary>
    public async Task<MergeResult> AppendAsync(SyncedTable table, IReadOnlyList<SyncedRow> rows, SyncState newState, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var live = rows.Where(r => !r.IsDeleted).ToList();
        await CopyAsync(connection, table, new MergeSql(table).CopyIntoTable, live, withDeletedFlag: false, cancellationToken);
        await SyncStateStore.SaveAsync(connection, newState, rowsAdded: live.Count, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MergeResult(live.Count, 0, 0);
    }

    /// <summary>Starts a one-transaction first load (<see cref="EmptyTableLoad"/>); null when the table is not empty.</summary>
    public Task<EmptyTableLoad?> BeginEmptyTableLoadAsync(SyncedTable table, CancellationToken cancellationToken) =>
        EmptyTableLoad.BeginAsync(dataSource, table, firstLoadLogger, cancellationToken);

    public async Task<bool> IsEmptyAsync(SyncedTable table, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT NOT EXISTS (SELECT 1 FROM {table.QualifiedName})");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> CountAsync(SyncedTable table, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {table.QualifiedName}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, SyncedTable table, string copySql, IReadOnlyList<SyncedRow> rows, bool withDeletedFlag, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(copySql, cancellationToken);
        foreach (var row in rows)
        {
            SyncedRowCopy.Write(copy, table, row, withDeletedFlag);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<long> DeleteAsync(NpgsqlConnection connection, MergeSql sql, IReadOnlyList<SyncedRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.IsDeleted).Select(r => r.Id).ToArray();
        if (ids.Length == 0)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand(sql.DeleteRemoved, connection) { Parameters = { new() { Value = ids } } };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(long Inserted, long Updated)> UpsertAsync(NpgsqlConnection connection, MergeSql sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql.UpsertChanged, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

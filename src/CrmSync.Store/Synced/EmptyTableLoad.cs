using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmSync.Store.Synced;

/// <summary>
/// The first load of an empty <c>sf_*</c> table, in ONE transaction: its indexes and key are
/// dropped, every row is COPYed in, then the indexes are built again (a sort, much cheaper than
/// a million index insertions), the watermark is saved and all of it commits together.
/// Killed at any point before the commit, PostgreSQL rolls everything back: the table is empty
/// again with all its indexes, and the next pull is a first load again. Nothing has to be
/// repaired after a crash, and no row can be stored twice.
/// While it runs, the table is locked; until then it had no rows to read anyway.
/// </summary>
public sealed class EmptyTableLoad : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly NpgsqlBinaryImporter copy;
    private readonly SyncedTable table;
    private readonly IReadOnlyList<DeferredIndex> indexes;
    private readonly ILogger logger;
    private long rows;

    private EmptyTableLoad(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBinaryImporter copy, SyncedTable table, IReadOnlyList<DeferredIndex> indexes, ILogger logger) =>
        (this.connection, this.transaction, this.copy, this.table, this.indexes, this.logger) = (connection, transaction, copy, table, indexes, logger);

    /// <summary>Starts the load; null when the table is not empty after all (someone else wrote it): then merge instead.</summary>
    internal static async Task<EmptyTableLoad?> BeginAsync(NpgsqlDataSource dataSource, SyncedTable table, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var sql = new EmptyTableLoadSql(table);
            await connection.ExecuteAsync(sql.Lock, cancellationToken);
            if (!await connection.ScalarAsync<bool>(sql.IsEmpty, cancellationToken))
            {
                await connection.DisposeAsync();
                return null;
            }

            // A key that a foreign key depends on cannot go; such a table is loaded with its indexes.
            var referenced = await connection.ScalarAsync<bool>(EmptyTableLoadSql.IsReferenced, cancellationToken, table.QualifiedName);
            var indexes = referenced ? [] : await DeferredIndex.DropAllAsync(connection, sql, table, cancellationToken);
            if (!referenced)
            {
                await connection.ExecuteAsync(sql.Truncate, cancellationToken);
            }

            await connection.ExecuteAsync(EmptyTableLoadSql.SortInMemory, cancellationToken);
            var copy = await connection.BeginBinaryImportAsync(referenced ? new MergeSql(table).CopyIntoTable : sql.CopyFrozen, cancellationToken);
            Log.FirstLoadStarted(logger, table.QualifiedName, indexes.Count);
            return new EmptyTableLoad(connection, transaction, copy, table, indexes, logger);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a batch to the COPY; deleted rows are left out. Blocks while Npgsql's buffer goes to the server.</summary>
    public void Append(IReadOnlyList<SyncedRow> batch)
    {
        foreach (var row in batch)
        {
            if (!row.IsDeleted)
            {
                SyncedRowCopy.Write(copy, table, row, withDeletedFlag: false);
                rows++;
            }
        }
    }

    /// <summary>Ends the COPY, builds the indexes again, saves <paramref name="state"/> and commits.</summary>
    public async Task<MergeResult> CommitAsync(SyncState state, CancellationToken cancellationToken)
    {
        await copy.CompleteAsync(cancellationToken);
        await copy.DisposeAsync();
        Log.RebuildingIndexes(logger, table.QualifiedName, rows, indexes.Count);
        var duplicates = 0L;
        foreach (var index in indexes)
        {
            duplicates += await index.RebuildAsync(connection, new EmptyTableLoadSql(table), cancellationToken);
        }

        if (duplicates > 0)
        {
            Log.DuplicatesDropped(logger, table.QualifiedName, duplicates);
        }

        await SyncStateStore.SaveAsync(connection, state, rowsAdded: rows - duplicates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log.FirstLoadCommitted(logger, table.QualifiedName, rows - duplicates);
        return new MergeResult(rows - duplicates, 0, 0);
    }

    /// <summary>Without a commit, everything the load did is rolled back.</summary>
    public async ValueTask DisposeAsync()
    {
        await copy.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}

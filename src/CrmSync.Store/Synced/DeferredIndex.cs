using Npgsql;

namespace CrmSync.Store.Synced;

/// <summary>
/// An index of an <c>sf_*</c> table dropped for a first load (<see cref="EmptyTableLoad"/>), with
/// what builds it again: its own definition, or for a key its constraint. Read from the catalog,
/// so indexes added by later migrations are handled alike.
/// </summary>
internal sealed record DeferredIndex(string Schema, string Name, string Definition, string? Constraint, string? ConstraintDefinition)
{
    public static async Task<IReadOnlyList<DeferredIndex>> DropAllAsync(
        NpgsqlConnection connection, EmptyTableLoadSql sql, SyncedTable table, CancellationToken cancellationToken)
    {
        var indexes = new List<DeferredIndex>();
        await using (var command = new NpgsqlCommand(EmptyTableLoadSql.Indexes, connection) { Parameters = { new() { Value = table.QualifiedName } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add(new DeferredIndex(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        foreach (var index in indexes)
        {
            await connection.ExecuteAsync(
                index.Constraint is { } constraint ? sql.DropConstraint(constraint) : EmptyTableLoadSql.DropIndex(index.Schema, index.Name), cancellationToken);
        }

        return indexes;
    }

    /// <summary>Builds the index again; returns how many duplicate rows had to go first for a key.</summary>
    public async Task<long> RebuildAsync(NpgsqlConnection connection, EmptyTableLoadSql sql, CancellationToken cancellationToken)
    {
        if (Constraint is null)
        {
            await connection.ExecuteAsync(Definition, cancellationToken);
            return 0;
        }

        await connection.ExecuteAsync(EmptyTableLoadSql.RebuildKeySavepoint, cancellationToken);
        try
        {
            await connection.ExecuteAsync(sql.AddConstraint(Constraint, ConstraintDefinition!), cancellationToken);
            return 0;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await connection.ExecuteAsync(EmptyTableLoadSql.RetryRebuildKey, cancellationToken);
            var removed = await connection.ExecuteAsync(sql.DeleteDuplicates, cancellationToken);
            await connection.ExecuteAsync(sql.AddConstraint(Constraint, ConstraintDefinition!), cancellationToken);
            return removed;
        }
    }
}

namespace CrmSync.Store.Synced;

/// <summary>The statements of a first load into an empty <c>sf_*</c> table (<see cref="EmptyTableLoad"/>).</summary>
internal sealed class EmptyTableLoadSql(SyncedTable table)
{
    /// <summary>The indexes of the table, with what recreates each: a plain index by its own definition, a key by its constraint.</summary>
    public const string Indexes = """
        SELECT ns.nspname, ix.relname, pg_get_indexdef(i.indexrelid), c.conname, pg_get_constraintdef(c.oid)
        FROM pg_index AS i
        JOIN pg_class AS ix ON ix.oid = i.indexrelid
        JOIN pg_namespace AS ns ON ns.oid = ix.relnamespace
        LEFT JOIN pg_constraint AS c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
        WHERE i.indrelid = $1::regclass
        ORDER BY i.indisprimary DESC, ix.relname
        """;

    /// <summary>A foreign key pointing at the table needs its key to stay: then nothing is dropped.</summary>
    public const string IsReferenced = "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND confrelid = $1::regclass)";

    /// <summary>Index builds at the end sort the whole table: in memory, not in temporary files.</summary>
    public const string SortInMemory = "SET LOCAL maintenance_work_mem = '256MB'";

    public const string RebuildKeySavepoint = "SAVEPOINT rebuild_key";

    public const string RetryRebuildKey = "ROLLBACK TO SAVEPOINT rebuild_key";

    public string Lock { get; } = $"LOCK TABLE {table.QualifiedName} IN ACCESS EXCLUSIVE MODE";

    public string IsEmpty { get; } = $"SELECT NOT EXISTS (SELECT 1 FROM {table.QualifiedName})";

    /// <summary>
    /// A table truncated in this transaction takes COPY FREEZE: rows land already visible to all,
    /// so the first reader does not rewrite every page to set hint bits.
    /// </summary>
    public string Truncate { get; } = $"TRUNCATE {table.QualifiedName}";

    public string CopyFrozen { get; } = new MergeSql(table).CopyIntoTableFrozen;

    /// <summary>
    /// A Bulk job lists each record once, so this finds nothing in practice; should an Id come twice
    /// all the same, its newest version is kept and the key can be built.
    /// </summary>
    public string DeleteDuplicates { get; } = $"""
        DELETE FROM {table.QualifiedName} AS older
        USING {table.QualifiedName} AS newer
        WHERE older.id = newer.id
          AND (older.system_modstamp, older.ctid) < (newer.system_modstamp, newer.ctid)
        """;

    public string DropConstraint(string name) => $"ALTER TABLE {table.QualifiedName} DROP CONSTRAINT {SyncedTable.Quote(name)}";

    public string AddConstraint(string name, string definition) => $"ALTER TABLE {table.QualifiedName} ADD CONSTRAINT {SyncedTable.Quote(name)} {definition}";

    public static string DropIndex(string schema, string name) => $"DROP INDEX {SyncedTable.Quote(schema)}.{SyncedTable.Quote(name)}";
}

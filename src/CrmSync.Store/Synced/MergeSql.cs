namespace CrmSync.Store.Synced;

/// <summary>The statements of one merge, written out for one <c>sf_*</c> table.</summary>
internal sealed class MergeSql
{
    public MergeSql(SyncedTable table)
    {
        var target = table.QualifiedName;
        var columns = table.Columns.Select(c => SyncedTable.Quote(c.Name)).ToList();
        var content = columns.Append("raw").ToList();
        var all = new[] { "id", "system_modstamp" }.Concat(content).ToList();

        CreateStage = $"""
            CREATE TEMPORARY TABLE stage
                (LIKE {target} INCLUDING DEFAULTS, is_deleted boolean NOT NULL)
                ON COMMIT DROP
            """;

        CopyIntoStage = $"COPY stage ({string.Join(", ", all)}, is_deleted) FROM STDIN (FORMAT BINARY)";

        CopyIntoTable = $"COPY {target} ({string.Join(", ", all)}) FROM STDIN (FORMAT BINARY)";

        CopyIntoTableFrozen = $"COPY {target} ({string.Join(", ", all)}) FROM STDIN (FORMAT BINARY, FREEZE true)";

        // By primary key, for the few Ids a batch reports deleted: a join with the staging table
        // could scan the whole (growing) table once per batch.
        DeleteRemoved = $"DELETE FROM {target} WHERE id = ANY($1)";

        // A row is rewritten only when its content differs: CrmSync's own write-backs bump
        // SystemModstamp without changing what is synced, and must not count as changes.
        // A batch holds each Id once (the caller keeps the newest version); xmax = 0 marks a fresh insert.
        UpsertChanged = $"""
            WITH changed AS (
            INSERT INTO {target} AS t ({string.Join(", ", all)})
            SELECT {string.Join(", ", all)}
            FROM stage
            WHERE NOT is_deleted
            ON CONFLICT (id) DO UPDATE
            SET {string.Join(", ", all.Skip(1).Select(c => $"{c} = EXCLUDED.{c}"))},
                synced_at = now()
            WHERE t.system_modstamp <= EXCLUDED.system_modstamp
              AND ({string.Join(", ", content.Select(c => "t." + c))})
                  IS DISTINCT FROM ({string.Join(", ", content.Select(c => "EXCLUDED." + c))})
            RETURNING (t.xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM changed
            """;
    }

    public string CreateStage { get; }

    public string CopyIntoStage { get; }

    public string CopyIntoTable { get; }

    /// <summary>Only into a table created or truncated in the same transaction.</summary>
    public string CopyIntoTableFrozen { get; }

    public string DeleteRemoved { get; }

    public string UpsertChanged { get; }
}

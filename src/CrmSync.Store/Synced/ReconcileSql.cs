namespace CrmSync.Store.Synced;

/// <summary>The statements of an Id reconcile for one <c>sf_*</c> table.</summary>
internal sealed class ReconcileSql(SyncedTable table)
{
    public const string CreateOrgIds = "CREATE TEMPORARY TABLE org_ids (id text PRIMARY KEY) ON COMMIT DROP";

    public const string CopyOrgIds = "COPY org_ids (id) FROM STDIN (FORMAT BINARY)";

    public const string SubtractFromCount = "UPDATE crmsync.sync_state SET rows_stored = rows_stored - $1 WHERE source = $2";

    public string DeleteMissing { get; } = $"""
        DELETE FROM {table.QualifiedName} AS t
        WHERE NOT EXISTS (SELECT 1 FROM org_ids AS o WHERE o.id = t.id)
        """;
}

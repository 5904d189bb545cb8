using NpgsqlTypes;

namespace CrmSync.Store.Synced;

/// <summary>A column of an <c>sf_*</c> table besides id, system_modstamp, raw and synced_at.</summary>
public sealed record SyncedColumn(string Name, NpgsqlDbType Type);

/// <summary>The shape of one <c>crmsync.sf_&lt;source&gt;</c> table, as migration 0002 defines it.</summary>
public sealed record SyncedTable(string Source, IReadOnlyList<SyncedColumn> Columns)
{
    public string QualifiedName => $"crmsync.{Quote("sf_" + Source)}";

    /// <summary>Identifiers here come from CrmSync's own catalog, never from a mapping file; quoted all the same.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// One record as pulled: its values in the order of <see cref="SyncedTable.Columns"/>, the
/// fields kept as JSON, and whether Salesforce reports it deleted. A merged batch holds each Id once.
/// </summary>
public sealed record SyncedRow(string Id, DateTime SystemModstamp, object?[] Values, string RawJson, bool IsDeleted);

/// <summary>
/// How far a source's pull has come: every row up to (Watermark, WatermarkId) in that order is stored.
/// <see cref="MissingFields"/> are the mapped logical fields the org lacked at the pull.
/// </summary>
public sealed record SyncState(
    string Source,
    string ObjectName,
    DateTime? Watermark,
    string? WatermarkId,
    string FieldsSignature,
    bool FullPullComplete,
    DateTime? LastSuccessAt,
    IReadOnlyList<string>? MissingFields = null);

/// <summary>What one merged batch changed (unchanged rows count nowhere).</summary>
public sealed record MergeResult(long Inserted, long Updated, long Deleted)
{
    public long Changed => Inserted + Updated + Deleted;

    public static MergeResult operator +(MergeResult a, MergeResult b) => new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Deleted + b.Deleted);
}

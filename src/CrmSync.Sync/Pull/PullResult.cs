using CrmSync.Store.Synced;

namespace CrmSync.Sync.Pull;

/// <summary>
/// Rows read so far in one pull; <see cref="Expected"/> is known for full pulls only (deleted rows
/// still in the recycle bin can push <see cref="Rows"/> past it). <see cref="Done"/> marks the last report.
/// </summary>
public sealed record PullProgress(string Source, long Rows, long? Expected, string Transport, bool Done = false);

/// <summary>What one pull of one source did.</summary>
public sealed record PullResult(
    string Source,
    string ObjectName,
    bool Full,
    string Transport,
    long RowsRead,
    MergeResult Changes,
    long Reconciled,
    IReadOnlyList<string> Warnings,
    TimeSpan Elapsed);

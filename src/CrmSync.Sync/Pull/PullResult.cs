using CrmSync.Store.Synced;

namespace CrmSync.Sync.Pull;

/// <summary>Rows read so far in one pull; <see cref="Expected"/> is known for full pulls only.</summary>
public sealed record PullProgress(string Source, long Rows, long? Expected, string Transport);

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

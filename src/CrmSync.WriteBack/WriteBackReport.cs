using CrmSync.WriteBack.Ledger;

namespace CrmSync.WriteBack;

/// <summary>One field a dry run would write (or a run wrote): record, field, old → new.</summary>
public sealed record PlannedWrite(string Target, string ObjectName, string Record, FieldChange Change);

/// <summary>What happened to one target's records. Outcomes: unchanged, sent (then written or failed), deferred, blocked.</summary>
public sealed record TargetReport(
    string Target,
    string ObjectName,
    string Transport,
    int Records,
    int Unchanged,
    int Sent,
    int Written,
    int Failed,
    int Deferred,
    int Blocked,
    int FieldsSent,
    IReadOnlyDictionary<string, int> ErrorCodes,
    IReadOnlyList<string> Problems,
    IReadOnlyList<PlannedWrite> Planned)
{
    public IReadOnlyDictionary<string, int> Outcomes => new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["unchanged"] = Unchanged, ["written"] = Written, ["failed"] = Failed, ["deferred"] = Deferred, ["blocked"] = Blocked,
    };
}

/// <summary>
/// The end of a write-back: per target, the counts by outcome and by error code (failed now, or still waiting
/// on an earlier failure), the API calls made and the time taken.
/// </summary>
public sealed record WriteBackReport(long WriteRunId, long MetricRunId, DateTimeOffset AsOf, bool DryRun, IReadOnlyList<TargetReport> Targets, long ApiCalls, TimeSpan Elapsed)
{
    public int Written => Targets.Sum(t => t.Written);

    public int Failed => Targets.Sum(t => t.Failed);

    public IReadOnlyDictionary<string, int> ErrorCodes => Targets.SelectMany(t => t.ErrorCodes)
        .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
}

/// <summary>Where a write-back is: <paramref name="Done"/> of <paramref name="Total"/> records of a target answered.</summary>
public sealed record WriteBackProgress(string Target, string Phase, long Done, long Total);

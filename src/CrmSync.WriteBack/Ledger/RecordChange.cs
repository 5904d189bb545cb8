namespace CrmSync.WriteBack.Ledger;

/// <summary>One field to send: its API name, the value last written (null also when never written) and the new one.</summary>
public sealed record FieldChange(string Field, string? Old, string? New, bool WrittenBefore);

/// <summary>
/// A record to send with only its changed fields. <see cref="KeepFailure"/>: some changed fields are held
/// back because they failed permanently with the same value, so a success does not clear that failure.
/// <see cref="PreviousAttempts"/>: failed attempts so far (for the backoff).
/// </summary>
public sealed record RecordChange(string Key, IReadOnlyList<FieldChange> Fields, bool KeepFailure, int PreviousAttempts = 0);

/// <summary>What the plan decided for one record.</summary>
public enum PlanOutcome
{
    /// <summary>Every value equals what was last written.</summary>
    Unchanged,

    /// <summary>Some values differ: they are sent.</summary>
    Changed,

    /// <summary>Failed before for a reason retrying can fix, and its next try is not due yet.</summary>
    Deferred,

    /// <summary>Failed before for a reason retrying cannot fix (a deleted record, a value the field refuses), and nothing new to try.</summary>
    Blocked,
}

/// <summary>The decision for one record; <see cref="Change"/> is set for <see cref="PlanOutcome.Changed"/>.</summary>
public sealed record RecordPlan(string Key, PlanOutcome Outcome, RecordChange? Change, RecordFailure? Failure)
{
    /// <summary>The record's failure is out of date (its values are all written now) and can be forgotten.</summary>
    public bool ClearsFailure => Outcome == PlanOutcome.Unchanged && Failure is not null;
}

using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Ledger;

/// <summary>
/// Decides, per record, which fields to send: those whose rounded value differs from the ledger, minus what an
/// earlier failure says to wait for. Pure; problems converting values are collected once per field.
/// </summary>
public sealed class ChangePlanner(TargetPlan target, DateTimeOffset now)
{
    private readonly Dictionary<string, string> problems = new(StringComparer.Ordinal);

    /// <summary>One line per field whose stored values could not be converted (those values are not written).</summary>
    public IReadOnlyCollection<string> Problems => problems.Values;

    public RecordPlan Plan(StoredRecord record)
    {
        var changed = new List<FieldChange>();
        foreach (var field in target.Fields)
        {
            record.Values.TryGetValue(field.Logical, out var stored);
            if (!FieldValues.TryCanonical(stored, field.Spec, out var value, out var problem))
            {
                problems.TryAdd(field.Spec.Name, $"{target.ObjectName}.{field.Spec.Name}: {problem}; such values are not written.");
                continue;
            }

            if (value is null && field.Spec.Type == "boolean")
            {
                // A checkbox cannot be blank in Salesforce (REQUIRED_FIELD_MISSING would fail the whole record):
                // a result that is not configured leaves it as it is.
                continue;
            }

            var writtenBefore = record.Written.TryGetValue(field.Spec.Name, out var old);
            if (!writtenBefore || old != value)
            {
                changed.Add(new FieldChange(field.Spec.Name, old, value, writtenBefore));
            }
        }

        if (changed.Count == 0)
        {
            return new RecordPlan(record.Key, PlanOutcome.Unchanged, null, record.Failure);
        }

        return record.Failure switch
        {
            null => Send(record, changed, keepFailure: false),
            { Retryable: true, NextRetryAt: { } due } failure when due > now => new RecordPlan(record.Key, PlanOutcome.Deferred, null, failure),
            { Retryable: true } => Send(record, changed, keepFailure: false),
            var failure when ErrorPolicy.IsAboutTheRecord(failure.Code) => new RecordPlan(record.Key, PlanOutcome.Blocked, null, failure),
            var failure => WithoutRefusedValues(record, changed, failure),
        };
    }

    /// <summary>Fields refused before with the same value wait for a different one; the rest are sent.</summary>
    private static RecordPlan WithoutRefusedValues(StoredRecord record, List<FieldChange> changed, RecordFailure failure)
    {
        var refused = changed.Where(c =>
            (failure.Fields.Count == 0 || failure.Fields.Contains(c.Field, StringComparer.OrdinalIgnoreCase))
            && failure.Attempted.TryGetValue(c.Field, out var attempted) && attempted == c.New).ToList();
        return refused.Count == changed.Count
            ? new RecordPlan(record.Key, PlanOutcome.Blocked, null, failure)
            : Send(record, changed.Except(refused).ToList(), keepFailure: refused.Count > 0);
    }

    private static RecordPlan Send(StoredRecord record, List<FieldChange> changed, bool keepFailure) =>
        new(record.Key, PlanOutcome.Changed, new RecordChange(record.Key, changed, keepFailure, record.Failure?.Attempts ?? 0), record.Failure);
}

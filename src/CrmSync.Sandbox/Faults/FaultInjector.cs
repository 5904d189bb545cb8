using CrmSync.Sandbox.Generation;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Faults;

/// <summary>Applies the current <see cref="FaultSpec"/>; decisions hash (seed, rule, sequence number) so they repeat run to run.</summary>
internal sealed class FaultInjector
{
    private readonly int seed;
    private readonly IReadOnlyList<ObjectTable> tables;
    private readonly Lock schemaLock = new();
    private long recordSequence;
    private long installedAtCall;
    private int schemaRulesApplied;

    /// <summary>Schema rules change the objects of <paramref name="org"/>; without one only the call and record rules apply.</summary>
    public FaultInjector(int seed, FaultSpec spec, OrgStore? org = null)
    {
        this.seed = seed;
        tables = org?.Tables ?? [];
        Install(spec, atCall: 0);
    }

    public FaultSpec Spec { get; private set; } = FaultSpec.None;

    /// <summary>
    /// Makes <paramref name="spec"/> the rules from now on, <paramref name="atCall"/> being the API calls answered so far
    /// (schema rules count their calls from there); the org's fields and permissions are restored first.
    /// Throws <see cref="FormatException"/> for a schema rule naming an object or field the org does not have.
    /// </summary>
    public void Install(FaultSpec spec, long atCall)
    {
        foreach (var rule in tables.Count == 0 ? [] : spec.Schema)
        {
            var table = tables.FirstOrDefault(t => t.Name.Equals(rule.Object, StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"Fault rule '{rule}': the org has no object {rule.Object}.");
            if (rule.Field is not null && table.Definition.Find(rule.Field) is null)
            {
                throw new FormatException($"Fault rule '{rule}': {table.Name} has no field {rule.Field}.");
            }
        }

        lock (schemaLock)
        {
            Spec = spec with { Schema = [.. spec.Schema.OrderBy(r => r.AfterCalls)] };
            installedAtCall = atCall;
            schemaRulesApplied = -1;
            ApplySchema(atCall);
        }
    }

    public bool Unavailable(long call) => Hit(1, call, Spec.Unavailable);

    public bool Truncate(long call) => Hit(2, call, Spec.Truncate);

    public TimeSpan? Delay(long call) => Hit(3, call, Spec.Slow) ? Spec.SlowBy : null;

    public bool LimitExceeded(long call) => call > Spec.LimitAfterCalls;

    /// <summary>Decides for the next written record whether it fails UNABLE_TO_LOCK_ROW.</summary>
    public bool LockRow() => Spec.LockRow > 0 && Hit(4, Interlocked.Increment(ref recordSequence), Spec.LockRow);

    /// <summary>Before API call number <paramref name="call"/> is answered: the schema rules due by then take effect.</summary>
    public void ApplySchema(long call)
    {
        var rules = Spec.Schema;
        var due = rules.Count(r => call - installedAtCall > r.AfterCalls);
        if (due == Volatile.Read(ref schemaRulesApplied))
        {
            return;
        }

        lock (schemaLock)
        {
            rules = Spec.Schema;
            due = rules.Count(r => call - installedAtCall > r.AfterCalls);
            if (due == schemaRulesApplied)
            {
                return;
            }

            foreach (var table in tables)
            {
                var applying = rules.Take(due).Where(r => r.Object.Equals(table.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                table.Access.Set(
                    hidden: applying.Any(r => r is { Change: SchemaChange.RevokeRead, Field: null }),
                    hiddenFields: applying.Where(r => r is { Change: SchemaChange.DropField or SchemaChange.RevokeRead, Field: not null }).Select(r => r.Field!),
                    readOnlyFields: applying.Where(r => r is { Change: SchemaChange.RevokeEdit, Field: not null }).Select(r => r.Field!),
                    allReadOnly: applying.Any(r => r is { Change: SchemaChange.RevokeEdit, Field: null }));
            }

            Volatile.Write(ref schemaRulesApplied, due);
        }
    }

    private bool Hit(ulong rule, long sequence, double share)
    {
        if (share <= 0)
        {
            return false;
        }
        var hash = DeterministicRandom.Mix(DeterministicRandom.Mix((ulong)seed * 31 + rule) ^ (ulong)sequence);
        return (hash >> 11) * (1.0 / (1UL << 53)) < share;
    }
}

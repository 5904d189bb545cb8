using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack;

/// <summary>The counts of one target's write-back as it goes (answers may arrive from several calls at once).</summary>
internal sealed class Tally(IEnumerable<string> problems, bool keepPlanned)
{
    private readonly Lock sync = new();
    private readonly List<string> problems = [.. problems];
    private readonly Dictionary<string, int> errorCodes = new(StringComparer.Ordinal);
    private readonly List<PlannedWrite> planned = [];
    private readonly Dictionary<(string Code, string Fields), int> refusedBySetup = [];
    private int unchanged, deferred, blocked, written, failed;

    public List<RecordChange> Changes { get; } = [];

    public List<string> StaleFailures { get; } = [];

    public int Records { get; private set; }

    public IReadOnlyList<string> Problems => problems;

    public static TargetReport Skipped(WriteTarget target, string problem) =>
        new Tally([problem], keepPlanned: false).Report(target, "none", includePlanned: false);

    public void AddProblems(IEnumerable<string> more) => problems.AddRange(more);

    public void Planned(RecordPlan plan, string objectName)
    {
        Records++;
        switch (plan.Outcome)
        {
            case PlanOutcome.Unchanged:
                unchanged++;
                if (plan.ClearsFailure)
                {
                    StaleFailures.Add(plan.Key);
                }

                break;
            case PlanOutcome.Changed:
                Changes.Add(plan.Change!);
                if (keepPlanned)
                {
                    planned.AddRange(plan.Change!.Fields.Select(f => new PlannedWrite(string.Empty, objectName, plan.Key, f)));
                }

                break;
            case PlanOutcome.Deferred:
                deferred++;
                Count(plan.Failure!.Code);
                break;
            case PlanOutcome.Blocked:
                blocked++;
                Count(plan.Failure!.Code);
                break;
        }
    }

    public void Answered(IReadOnlyList<(RecordChange Change, RecordResult Result)> answers)
    {
        lock (sync)
        {
            foreach (var (_, result) in answers)
            {
                if (result.Success)
                {
                    written++;
                }
                else
                {
                    failed++;
                    Count(result.Code ?? "UNKNOWN");
                    if (result.Code is { } code && ErrorPolicy.IsAboutTheOrgSetup(code))
                    {
                        var key = (code, string.Join(", ", result.Fields ?? []));
                        refusedBySetup[key] = refusedBySetup.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }
    }

    public TargetReport Report(WriteTarget target, string transport, bool includePlanned) => new(
        target.Name, target.ObjectName, transport, Records, unchanged, Changes.Count, written, failed, deferred, blocked,
        Changes.Sum(c => c.Fields.Count), new Dictionary<string, int>(errorCodes, StringComparer.Ordinal), [.. problems, .. SetupProblems(target)],
        includePlanned ? planned.Select(p => p with { Target = target.Name }).ToList() : []);

    /// <summary>One line per field Salesforce refused because of the org's setup, naming it and what to do.</summary>
    private IEnumerable<string> SetupProblems(WriteTarget target) => refusedBySetup.Select(refusal =>
    {
        var fields = refusal.Key.Fields.Length > 0
            ? string.Join(", ", refusal.Key.Fields.Split(", ").Select(f => $"{target.ObjectName}.{f}"))
            : target.ObjectName;
        return $"{fields}: Salesforce refused {refusal.Value} records ({refusal.Key.Code}): deleted, or the integration user lost access " +
            "(grant Edit in permission set CrmSync_Integration); the values are sent again on the next run.";
    });

    private void Count(string code) => errorCodes[code] = errorCodes.GetValueOrDefault(code) + 1;
}

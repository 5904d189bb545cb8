namespace CrmSync.Metrics.Explain;

/// <summary>One synced record as <c>kpi explain</c> shows it: whether it entered the figure, and why (not).</summary>
public sealed record ExplainedRecord(string Id, string Kind, string Date, string Value, bool Entered, string Note);

/// <summary>The answer to "where does this number come from?" for one account, metric and run.</summary>
public sealed record Explanation(
    string AccountId,
    string Metric,
    string Number,
    string Title,
    string Definition,
    long RunId,
    string Window,
    bool Configured,
    IReadOnlyList<ExplainedRecord> Records,
    IReadOnlyList<string> Arithmetic,
    string Computed,
    string Stored)
{
    public bool Agrees => Computed == Stored;
}

namespace CrmSync.Metrics.Kpis;

public enum MetricScope
{
    /// <summary>Per account, written to Account (and pooled per segment where the spec says so).</summary>
    Account,

    /// <summary>Only for the org and its segments, written to the snapshot object.</summary>
    Portfolio,
}

/// <summary>
/// One metric of metrics.md: its stored name, its number in the spec, the definition shown by
/// <c>kpi explain</c>, and the synced fields it needs. <see cref="Needs"/> reads like
/// <c>"deal.account_id deal.close_date | task.account_id"</c>: the metric is configured when every
/// field of at least one alternative (separated by <c>|</c>) is mapped and its source pulled.
/// </summary>
public sealed record MetricDefinition(string Name, string Number, MetricScope Scope, string Title, string Definition, string Needs)
{
    public IReadOnlyList<IReadOnlyList<(string Source, string Field)>> Alternatives { get; } =
        Needs.Split('|', StringSplitOptions.TrimEntries)
            .Select(alternative => (IReadOnlyList<(string, string)>)alternative
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(needed => needed.Split('.') is [var source, var field]
                    ? (source, field)
                    : throw new ArgumentException($"'{needed}' in the needs of {Name} is not source.field."))
                .ToList())
            .ToList();

    public IEnumerable<string> Sources => Alternatives.SelectMany(a => a).Select(n => n.Source).Distinct();

    public bool IsConfigured(SourceAvailability available) =>
        Alternatives.Any(alternative => alternative.All(n => available.Has(n.Source, n.Field)));
}

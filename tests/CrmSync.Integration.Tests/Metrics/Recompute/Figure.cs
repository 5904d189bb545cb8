namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>
/// One recomputed value and, for a rate or a mean, the records that entered it (the README's
/// records_used: a ratio's denominator); null where the README leaves that count open.
/// </summary>
public sealed record Figure(string Metric, object? Value, int? RecordsUsed = null)
{
    /// <summary>A rate or mean over <paramref name="used"/> records: null when there are none.</summary>
    public static Figure Ratio(string metric, decimal numerator, int used) => new(metric, used == 0 ? null : numerator / used, used);

    public static Figure Mean(string metric, IReadOnlyCollection<decimal> values) => Ratio(metric, values.Sum(), values.Count);
}

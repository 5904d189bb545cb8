namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>
/// #8, #10, #10b over cases created in W. A case is closed when IsClosed and its ClosedDate is
/// ≤ as-of or empty; it has a first response when First_Response_At__c ≤ as-of.
/// </summary>
public static class CaseFamily
{
    public static IEnumerable<Figure> Figures(IEnumerable<CaseRecord> cases, Periods periods)
    {
        var created = cases.Where(c => periods.InWindow(c.CreatedAt)).ToList();
        var closed = created.Where(c => c.IsClosed && (c.ClosedAt is null || c.ClosedAt <= periods.AsOf)).ToList();
        var answered = created.Where(c => periods.ByAsOf(c.FirstResponseAt));
        yield return Figure.Mean("response_time_hours", [.. answered.Select(c => Hours(c.FirstResponseAt!.Value - c.CreatedAt!.Value))]);
        yield return Figure.Ratio("resolution_rate", closed.Count, created.Count);
        yield return Figure.Ratio("fcr_rate", closed.Count(c => c.FirstContactResolution), closed.Count);
    }

    private static decimal Hours(TimeSpan duration) => (decimal)duration.Ticks / TimeSpan.TicksPerHour;
}

namespace CrmSync.Integration.Tests.Metrics;

/// <summary>
/// The windows of a run, read from metrics.md and the Metrics README: W = (as-of − P months, as-of],
/// W₋₁ = (as-of − 2P months, as-of − P months]; a date-only field is the instant of its midnight UTC.
/// </summary>
public sealed record Periods(DateTime AsOf, int Months)
{
    public DateTime WindowStart { get; } = AsOf.AddMonths(-Months);

    public DateTime PreviousStart { get; } = AsOf.AddMonths(-2 * Months);

    public decimal WeeksInWindow => (decimal)(AsOf - WindowStart).Ticks / TimeSpan.TicksPerDay / 7;

    public bool InWindow(DateTime? instant) => instant is { } t && t > WindowStart && t <= AsOf;

    public bool InWindow(DateOnly? date) => InWindow(Midnight(date));

    public bool InPrevious(DateOnly? date) => Midnight(date) is { } t && t > PreviousStart && t <= WindowStart;

    public bool ByAsOf(DateOnly? date) => Midnight(date) is { } t && t <= AsOf;

    public bool ByAsOf(DateTime? instant) => instant is { } t && t <= AsOf;

    private static DateTime? Midnight(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

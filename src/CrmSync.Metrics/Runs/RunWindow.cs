namespace CrmSync.Metrics.Runs;

/// <summary>
/// The instants a run describes: W = (<see cref="WindowStart"/>, <see cref="AsOf"/>] and
/// W₋₁ = (<see cref="PreviousWindowStart"/>, <see cref="WindowStart"/>], in calendar months.
/// W₋₁'s start is as-of − 2P months taken at once (not twice P), so month ends do not drift.
/// </summary>
public sealed record RunWindow(DateTimeOffset AsOf, int PeriodMonths)
{
    public DateTimeOffset WindowStart { get; } = AsOf.ToUniversalTime().AddMonths(-PeriodMonths);

    public DateTimeOffset PreviousWindowStart { get; } = AsOf.ToUniversalTime().AddMonths(-2 * PeriodMonths);
}

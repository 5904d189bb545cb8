using CrmSync.Clv;
using CrmSync.Clv.Predictions;

namespace CrmSync.Metrics.Lifetime;

/// <summary>The customer-lifetime-value settings of metrics.md (section <c>Clv</c>); checked by <see cref="ClvSettingsValidator"/>.</summary>
public sealed class ClvSettings
{
    public const string Section = "Clv";

    /// <summary><c>clv.time_unit</c>: day, week or month. Never inferred from the data.</summary>
    public string TimeUnit { get; set; } = "week";

    /// <summary>Months of future purchases the predictive CLV counts.</summary>
    public int HorizonMonths { get; set; } = 12;

    /// <summary><c>clv.annual_discount_rate</c>, applied monthly.</summary>
    public double AnnualDiscountRate { get; set; } = 0.10;

    /// <summary><c>clv.max_lifespan_years</c>: cap on the historical CLV's expected lifespan.</summary>
    public double MaxLifespanYears { get; set; } = 10;

    /// <summary>A segment with fewer customers than this takes the org's retention rate for the lifespan.</summary>
    public int MinSegmentCustomers { get; set; } = 30;

    /// <summary>The next-best-action table, first match wins; empty means the shipped table (README).</summary>
    public List<NextBestActionSetting> NextBestActions { get; set; } = [];

    public TimeUnit Unit => TimeUnits.TryParse(TimeUnit, out var unit) ? unit : Clv.TimeUnit.Week;

    public ClvOptions ToOptions() => new(Unit, HorizonMonths, AnnualDiscountRate, MaxLifespanYears);

    public IReadOnlyList<NextBestActionRule> Rules => NextBestActions.Count == 0
        ? Clv.Predictions.NextBestActions.Default
        : NextBestActions.Select(n => new NextBestActionRule(n.Tiers.Select(t => Enum.Parse<ClvTier>(t, ignoreCase: true)).ToList(), n.PAliveFrom, n.PAliveBelow, n.Action)).ToList();
}

/// <summary>One rule of the table: customers of these tiers whose P(alive) is in [PAliveFrom, PAliveBelow) get Action.</summary>
public sealed class NextBestActionSetting
{
    public List<string> Tiers { get; set; } = [];

    public double PAliveFrom { get; set; }

    public double PAliveBelow { get; set; } = 2;

    public string Action { get; set; } = "";
}

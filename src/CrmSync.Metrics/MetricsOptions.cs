namespace CrmSync.Metrics;

/// <summary>The choices metrics.md leaves to the admin (section <c>Metrics</c>); checked by <see cref="MetricsOptionsValidator"/>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>P: the window W is (as-of − P months, as-of].</summary>
    public int PeriodMonths { get; set; } = 12;

    /// <summary>Opportunity Types that count as upgrades (#19).</summary>
    public List<string> UpgradeTypes { get; set; } = [];

    /// <summary>Segments whose new-customer penetration (#20) is reported.</summary>
    public List<string> TargetSegments { get; set; } = [];

    public EngagementWeights EngagementWeights { get; set; } = new();

    /// <summary>The scale of CSAT and PostSale scores; NPS is always 0–10.</summary>
    public SurveyScale SurveyScale { get; set; } = new();

    /// <summary>Configuration binding appends to list defaults, so the default applies only when nothing is configured.</summary>
    public IReadOnlyList<string> EffectiveUpgradeTypes => UpgradeTypes.Count > 0 ? UpgradeTypes : ["Existing Customer - Upgrade"];
}

public sealed class EngagementWeights
{
    public decimal Activity { get; set; } = 1;

    public decimal CampaignResponse { get; set; } = 2;

    public decimal SurveyResponse { get; set; } = 2;
}

public sealed class SurveyScale
{
    public decimal Min { get; set; } = 1;

    public decimal Max { get; set; } = 10;
}

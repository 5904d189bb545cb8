namespace CrmSync.Integration.Tests.Metrics;

/// <summary>
/// The Metrics settings of a run (defaults as in the Metrics README), given to <c>compute</c> as
/// <c>--set</c> values and used by the recomputation, so both read the same choices.
/// </summary>
public sealed record MetricSettings
{
    public int PeriodMonths { get; init; } = 12;

    public IReadOnlyList<string> UpgradeTypes { get; init; } = ["Existing Customer - Upgrade"];

    public IReadOnlyList<string> TargetSegments { get; init; } = [];

    public decimal ActivityWeight { get; init; } = 1;

    public decimal CampaignResponseWeight { get; init; } = 2;

    public decimal SurveyResponseWeight { get; init; } = 2;

    public decimal SurveyScaleMin { get; init; } = 1;

    public decimal SurveyScaleMax { get; init; } = 10;

    public IEnumerable<string> CommandLine()
    {
        var values = new List<string>
        {
            $"Metrics:PeriodMonths={PeriodMonths}",
            $"Metrics:EngagementWeights:Activity={ActivityWeight}",
            $"Metrics:EngagementWeights:CampaignResponse={CampaignResponseWeight}",
            $"Metrics:EngagementWeights:SurveyResponse={SurveyResponseWeight}",
            $"Metrics:SurveyScale:Min={SurveyScaleMin}",
            $"Metrics:SurveyScale:Max={SurveyScaleMax}",
        };
        values.AddRange(UpgradeTypes.Select((type, i) => $"Metrics:UpgradeTypes:{i}={type}"));
        values.AddRange(TargetSegments.Select((segment, i) => $"Metrics:TargetSegments:{i}={segment}"));
        return values.SelectMany(value => new[] { "--set", value });
    }
}

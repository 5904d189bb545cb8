using Microsoft.Extensions.Options;

namespace CrmSync.Metrics;

/// <summary>Checks the <c>Metrics</c> section; every message names the key and the value found.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var failures = new List<string>();
        if (options.PeriodMonths is < 1 or > 120)
        {
            failures.Add($"Metrics:PeriodMonths must be between 1 and 120 (was {options.PeriodMonths}).");
        }

        var weights = options.EngagementWeights;
        foreach (var (key, value) in new[] { ("Activity", weights.Activity), ("CampaignResponse", weights.CampaignResponse), ("SurveyResponse", weights.SurveyResponse) })
        {
            if (value < 0)
            {
                failures.Add($"Metrics:EngagementWeights:{key} must be 0 or more (was {value}).");
            }
        }

        if (options.SurveyScale.Min >= options.SurveyScale.Max)
        {
            failures.Add($"Metrics:SurveyScale:Min must be below Metrics:SurveyScale:Max (were {options.SurveyScale.Min} and {options.SurveyScale.Max}).");
        }

        if (options.UpgradeTypes.Any(string.IsNullOrWhiteSpace) || options.TargetSegments.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Metrics:UpgradeTypes and Metrics:TargetSegments must not contain empty names.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

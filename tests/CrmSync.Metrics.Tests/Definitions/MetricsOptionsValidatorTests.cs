namespace CrmSync.Metrics.Tests.Definitions;

public sealed class MetricsOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_the_spec()
    {
        var options = new MetricsOptions();

        Assert.True(new MetricsOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(12, options.PeriodMonths);
        Assert.Equal(["Existing Customer - Upgrade"], options.EffectiveUpgradeTypes);
        Assert.Equal((1m, 2m, 2m), (options.EngagementWeights.Activity, options.EngagementWeights.CampaignResponse, options.EngagementWeights.SurveyResponse));
        Assert.Equal((1m, 10m), (options.SurveyScale.Min, options.SurveyScale.Max));
    }

    [Fact]
    public void Each_bad_value_is_named_with_its_key_and_the_value_found()
    {
        var options = new MetricsOptions
        {
            PeriodMonths = 0,
            EngagementWeights = new EngagementWeights { SurveyResponse = -1 },
            SurveyScale = new SurveyScale { Min = 5, Max = 5 },
            TargetSegments = [" "],
        };

        var failures = new MetricsOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains("Metrics:PeriodMonths must be between 1 and 120 (was 0).", failures);
        Assert.Contains("Metrics:EngagementWeights:SurveyResponse must be 0 or more (was -1).", failures);
        Assert.Contains("Metrics:SurveyScale:Min must be below Metrics:SurveyScale:Max (were 5 and 5).", failures);
        Assert.Contains("Metrics:UpgradeTypes and Metrics:TargetSegments must not contain empty names.", failures);
    }

    [Fact]
    public void Configured_upgrade_types_replace_the_default()
    {
        var options = new MetricsOptions { UpgradeTypes = ["Upsell"] };

        Assert.Equal(["Upsell"], options.EffectiveUpgradeTypes);
    }
}

using CrmSync.Metrics.Tests.Org;

namespace CrmSync.Metrics.Tests;

/// <summary>Survey metrics (#6 CSAT, #7 NPS, #15 post-sale satisfaction), as of 2026-11-01.</summary>
public sealed class SurveyMetricsTests(OrgStore store) : IClassFixture<OrgStore>
{
    [Fact]
    public async Task Csat_is_the_mean_score_of_CSAT_responses_in_W_on_the_scale()
    {
        var run = await new TestOrg()
            .Account("A")
            .Survey("A", "CSAT", 8, "2026-01-10T12:00").Survey("A", "CSAT", 10, "2026-03-10T12:00").Survey("A", "CSAT", 6, "2026-05-10T12:00")
            .Survey("A", "CSAT", 0, "2026-06-10T12:00")    // below the 1–10 scale: skipped
            .Survey("A", "CSAT", 2, "2025-10-10T12:00")    // W₋₁
            .Survey("A", "CSAT", 1, "2026-11-01T00:01")    // after as-of
            .Survey("A", "NPS", 0, "2026-02-10T12:00")     // another type
            .Account("silent")
            .ComputeAsync(store);

        Assert.Equal(8m, run.Number("A", "csat"));   // (8 + 10 + 6) / 3
        Assert.Equal(3, run.RecordsUsed("A", "csat"));
        Assert.Equal(1, run.Quality("csat").Reason("outside its scale"));
        Assert.Null(run.Value("silent", "csat"));
    }

    [Fact]
    public async Task Nps_is_100_times_promoter_share_minus_detractor_share()
    {
        var run = await new TestOrg()
            .Account("A")
            .Survey("A", "NPS", 10, "2026-01-01T10:00").Survey("A", "NPS", 9, "2026-01-02T10:00").Survey("A", "NPS", 9, "2026-01-03T10:00")
            .Survey("A", "NPS", 7, "2026-01-04T10:00").Survey("A", "NPS", 5, "2026-01-05T10:00")
            .Survey("A", "NPS", 11, "2026-01-06T10:00")   // not on 0–10: skipped
            .Account("detractors").Survey("detractors", "NPS", 0, "2026-02-01T10:00").Survey("detractors", "NPS", 6, "2026-02-02T10:00")
            .ComputeAsync(store);

        Assert.Equal(40m, run.Number("A", "nps"));              // 3 promoters, 1 detractor of 5: 100 × (3 − 1) / 5
        Assert.Equal(-100m, run.Number("detractors", "nps"));   // 0 and 6 are both detractors
    }

    [Fact]
    public async Task Post_sale_satisfaction_is_the_mean_of_PostSale_responses_in_W()
    {
        var run = await new TestOrg()
            .Account("A")
            .Survey("A", "PostSale", 7, "2026-07-01T10:00").Survey("A", "PostSale", 9, "2026-08-01T10:00")
            .Survey("A", "PostSale", 1, "2025-07-01T10:00")   // W₋₁
            .Survey("A", "CSAT", 2, "2026-07-02T10:00")
            .ComputeAsync(store);

        Assert.Equal(8m, run.Number("A", "post_sale_satisfaction"));   // (7 + 9) / 2
        Assert.Equal(2m, run.Number("A", "csat"));
    }

    [Fact]
    public async Task The_survey_scale_setting_decides_which_CSAT_scores_count()
    {
        var run = await new TestOrg()
            .Account("A").Survey("A", "CSAT", 4, "2026-01-01T10:00").Survey("A", "CSAT", 5, "2026-01-02T10:00").Survey("A", "CSAT", 8, "2026-01-03T10:00")
            .ComputeAsync(store, "Metrics:SurveyScale:Min=1", "Metrics:SurveyScale:Max=5");

        Assert.Equal(4.5m, run.Number("A", "csat"));   // 8 is off the 1–5 scale: (4 + 5) / 2
    }

    [Fact]
    public async Task Segment_and_org_survey_figures_pool_the_responses_not_the_account_means()
    {
        var run = await new TestOrg()
            .Account("one-answer", "Retail").Survey("one-answer", "CSAT", 10, "2026-01-01T10:00")
            .Account("three-answers", "Retail")
            .Survey("three-answers", "CSAT", 2, "2026-01-01T10:00").Survey("three-answers", "CSAT", 4, "2026-01-02T10:00").Survey("three-answers", "CSAT", 6, "2026-01-03T10:00")
            .Account("energy", "Energy").Survey("energy", "CSAT", 9, "2026-01-01T10:00")
            .Survey(null, "CSAT", 1, "2026-01-01T10:00")   // no account: left out of the org figure
            .ComputeAsync(store);

        Assert.Equal(10m, run.Number("one-answer", "csat"));
        Assert.Equal(4m, run.Number("three-answers", "csat"));
        Assert.Equal(5.5m, run.Portfolio("csat", "Retail"));   // (10 + 2 + 4 + 6) / 4, not (10 + 4) / 2 = 7
        Assert.Equal(9m, run.Portfolio("csat", "Energy"));
        Assert.Equal(6.2m, run.Portfolio("csat"));             // (10 + 2 + 4 + 6 + 9) / 5
        Assert.Equal(5, run.PortfolioRecordsUsed("csat"));
    }
}

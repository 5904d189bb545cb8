using CrmSync.Metrics.Tests.Org;

namespace CrmSync.Metrics.Tests;

/// <summary>
/// Activity and customer-side metrics (#5 contact frequency, #11 engagement, #17 campaign
/// response rate, #18 product usage, #13 payment days), as of 2026-11-01 (W = 365 days).
/// </summary>
public sealed class ActivityMetricsTests(OrgStore store) : IClassFixture<OrgStore>
{
    [Fact]
    public async Task Contact_frequency_counts_completed_tasks_and_events_in_W_per_month()
    {
        var run = await new TestOrg()
            .Account("A")
            .Task("A", "2026-01-01").Task("A", "2026-02-01").Task("A", "2026-03-01").Task("A", "2026-03-02", completed: false)
            .Event("A", "2026-04-01").Event("A", "2026-05-01").Event("A", "2026-06-01")
            .Task("A", "2025-10-01").Event("A", "2026-11-02")   // W₋₁ and after as-of
            .Account("quiet")
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Number("A", "contact_frequency"));   // (3 tasks + 3 events) / 12 months
        Assert.Equal(0m, run.Number("quiet", "contact_frequency"));
    }

    [Fact]
    public async Task Engagement_weighs_activities_campaign_responses_and_survey_responses()
    {
        var org = new TestOrg()
            .Account("A").Contact("C1", "A")
            .Task("A", "2026-01-01").Task("A", "2026-02-01").Event("A", "2026-03-01").Task("A", "2026-03-05", completed: false)
            .Member("C1", "2026-03-01T09:00", responded: true, respondedOn: "2026-03-05")
            .Member("C1", "2026-03-01T09:00")                                                 // did not respond
            .Member("C1", "2025-09-01T09:00", responded: true, respondedOn: "2025-10-10")   // responded in W₋₁
            .Survey("A", "CSAT", 8, "2026-04-01T10:00").Survey("A", "NPS", 9, "2026-05-01T10:00")
            .Survey("A", "CSAT", 8, "2025-04-01T10:00")                                       // W₋₁
            .Account("quiet");

        var defaults = await org.ComputeAsync(store);
        var weighted = await org.ComputeAsync(store,
            "Metrics:EngagementWeights:Activity=3", "Metrics:EngagementWeights:CampaignResponse=5", "Metrics:EngagementWeights:SurveyResponse=0");

        Assert.Equal(9m, defaults.Number("A", "engagement_score"));    // 3 activities × 1 + 1 response × 2 + 2 surveys × 2
        Assert.Equal(14m, weighted.Number("A", "engagement_score"));   // 3 × 3 + 1 × 5 + 2 × 0
        Assert.Equal(0m, defaults.Number("quiet", "engagement_score"));
    }

    [Fact]
    public async Task Engagement_counts_survey_responses_of_any_type_and_score_dated_in_W()
    {
        var run = await new TestOrg()
            .Account("A")
            .Survey("A", "CSAT", 0, "2026-04-01T10:00")        // off the CSAT scale, still a response
            .Survey("A", "Other", 5, "2026-04-02T10:00")       // a type no metric averages
            .Survey("A", "NPS", score: null, "2026-04-03T10:00")
            .ComputeAsync(store);

        Assert.Equal(6m, run.Number("A", "engagement_score"));   // 3 responses × 2
        Assert.Null(run.Value("A", "csat"));
    }

    [Fact]
    public async Task Campaign_response_rate_is_over_members_added_in_W_reading_the_response_as_of()
    {
        var run = await new TestOrg()
            .Account("A").Contact("C1", "A").Contact("C2", "A")
            .Member("C1", "2026-02-01T10:00", responded: true, respondedOn: "2026-02-03")
            .Member("C1", "2026-03-01T10:00")
            .Member("C2", "2026-04-01T10:00", responded: true, respondedOn: "2026-11-05")   // responds after as-of: not yet
            .Member("C2", "2026-05-01T10:00", responded: true)                                // responded, date unknown
            .Member("C2", "2025-10-01T10:00", responded: true, respondedOn: "2025-10-02")   // added in W₋₁
            .Account("no-contacts")
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Number("A", "campaign_response_rate"));   // 2 responded of 4 added in W
        Assert.Null(run.Value("no-contacts", "campaign_response_rate"));
    }

    [Fact]
    public async Task Usage_days_per_week_count_distinct_days_in_W_over_its_weeks()
    {
        var run = await new TestOrg()
            .Account("A").UsageDays("A", "2026-06-01", 73)
            .Usage("A", "2026-06-01")   // a second record on a day already counted
            .Usage("A", "2025-10-01")   // W₋₁
            .Account("idle")
            .ComputeAsync(store);

        Assert.Equal(1.4m, run.Number("A", "usage_days_per_week"), 12);   // 73 days / (365 days / 7) = 73 × 7 / 365
        Assert.Equal(0m, run.Number("idle", "usage_days_per_week"));
    }

    [Fact]
    public async Task Average_payment_days_are_over_invoices_paid_in_W()
    {
        var run = await new TestOrg()
            .Account("A")
            .Invoice("A", "2026-01-01", "2026-01-31")   // 30 days
            .Invoice("A", "2026-02-01", "2026-03-13")   // 40 days
            .Invoice("A", "2025-10-20", "2025-11-09")   // 20 days, paid in W
            .Invoice("A", "2026-09-01", paid: null)     // unpaid
            .Invoice("A", "2025-06-01", "2025-07-01")   // paid in W₋₁
            .Invoice("A", invoiced: null, "2026-04-01") // no invoice date: skipped
            .Invoice("A", "2026-10-01", "2026-11-02")   // paid after as-of
            .Account("no-invoices")
            .ComputeAsync(store);

        Assert.Equal(30m, run.Number("A", "avg_payment_days"));   // (30 + 40 + 20) / 3
        Assert.Null(run.Value("no-invoices", "avg_payment_days"));
    }
}

using CrmSync.Metrics.Tests.Org;

namespace CrmSync.Metrics.Tests;

/// <summary>What a run stores when there is nothing to count, a source is not configured, or records lie after as-of.</summary>
public sealed class RunEdgeCaseTests(OrgStore store) : IClassFixture<OrgStore>
{
    private static readonly string[] RatesAndMeans =
    [
        "growth_value", "growth_volume", "csat", "nps", "response_time_hours", "win_rate", "resolution_rate", "fcr_rate",
        "avg_transaction_value", "avg_payment_days", "post_sale_satisfaction", "campaign_response_rate",
    ];

    private static readonly string[] CountsAndSums =
        ["repeat_purchase_value", "contact_frequency", "engagement_score", "churn_cost", "usage_days_per_week", "upgrades_per_year"];

    [Fact]
    public async Task An_account_without_records_has_null_rates_and_zero_counts()
    {
        var run = await new TestOrg().Account("empty").ComputeAsync(store);

        Assert.All(RatesAndMeans, metric => Assert.Null(run.Value("empty", metric)));
        Assert.All(CountsAndSums, metric => Assert.Equal(0m, run.Value("empty", metric)));
        Assert.False(run.Flag("empty", "retained"));
        Assert.False(run.Flag("empty", "is_customer"));
        Assert.Null(run.FirstPurchase("empty"));
        Assert.Null(run.Portfolio("retention_rate"));          // S = 0
        Assert.Null(run.Portfolio("acquisition_rate"));
        Assert.Null(run.Portfolio("sales_growth_rate"));       // nothing won in W₋₁
        Assert.Null(run.Portfolio("csat"));
    }

    [Fact]
    public async Task A_source_never_pulled_is_not_configured_its_metrics_are_null_and_the_run_succeeds()
    {
        var run = await new TestOrg()
            .Account("A").Won("A", "2026-01-01", 100)
            .Survey("A", "CSAT", 8, "2026-02-01T10:00").Invoice("A", "2026-01-01", "2026-01-31").Usage("A", "2026-03-01")
            .Without("survey").Without("invoice").Without("product_usage")
            .ComputeAsync(store);

        foreach (var metric in new[] { "csat", "nps", "post_sale_satisfaction", "avg_payment_days", "usage_days_per_week" })
        {
            Assert.Null(run.Value("A", metric));
            Assert.False(run.Quality(metric).Configured, metric + " should be not configured");
        }

        Assert.Null(run.Portfolio("csat"));
        Assert.Equal(100m, run.Number("A", "avg_transaction_value"));
        Assert.True(run.Quality("avg_transaction_value").Configured);
    }

    [Fact]
    public async Task Without_deals_the_deal_metrics_and_retention_are_null_not_zero()
    {
        var run = await new TestOrg().Account("A").Task("A", "2026-01-01").Without("deal").ComputeAsync(store);

        Assert.Null(run.Value("A", "churn_cost"));
        Assert.Null(run.Value("A", "repeat_purchase_value"));
        Assert.Null(run.Flag("A", "retained"));
        Assert.False(run.Quality("retention_rate").Configured);
        Assert.Null(run.Portfolio("retention_rate"));
        Assert.Equal(1m / 12m, run.Number("A", "contact_frequency"), 12);
    }

    [Fact]
    public async Task Records_dated_after_as_of_do_not_exist_for_the_run()
    {
        var run = await new TestOrg()
            .Account("A")
            .Won("A", "2026-11-02", 100).Lost("A", "2026-11-03")
            .Case("A", "2026-11-01T00:01").Survey("A", "CSAT", 9, "2026-11-01T00:01").Task("A", "2026-11-02").Event("A", "2026-11-02")
            .Invoice("A", "2026-10-01", "2026-11-02").Usage("A", "2026-11-02")
            .Account("born-later", created: "2026-11-15T00:00")
            .ComputeAsync(store);

        Assert.False(run.Flag("A", "is_customer"));
        Assert.Null(run.FirstPurchase("A"));
        Assert.All(RatesAndMeans, metric => Assert.Null(run.Value("A", metric)));
        Assert.All(CountsAndSums, metric => Assert.Equal(0m, run.Value("A", metric)));
        Assert.Equal(0m, run.Portfolio("customers_new"));
        Assert.Contains("born-later", run.AccountIds);   // every synced Account gets a row
    }

    [Fact]
    public async Task An_instant_exactly_at_as_of_minus_12_months_is_outside_W_and_one_exactly_at_as_of_inside()
    {
        var run = await new TestOrg()
            .Account("A")
            .Case("A", "2025-11-01T00:00", closed: "2025-11-01T01:00").Case("A", "2026-11-01T00:00")
            .Survey("A", "CSAT", 2, "2025-11-01T00:00").Survey("A", "CSAT", 9, "2026-11-01T00:00")
            .Lead("2025-11-01T00:00", converted: true).Lead("2026-11-01T00:00")
            .ComputeAsync(store);

        Assert.Equal(0m, run.Number("A", "resolution_rate"));   // only the open case of 2026-11-01 00:00 is in W
        Assert.Equal(9m, run.Number("A", "csat"));
        Assert.Equal(0m, run.Portfolio("lead_conversion_rate"));   // 0 converted of the 1 lead created in W
    }

    [Fact]
    public async Task Records_without_their_date_or_account_are_skipped_with_the_reason()
    {
        var run = await new TestOrg()
            .Account("A")
            .Case("A", "2026-01-01T10:00", closed: "2026-01-02T10:00").Case("A", "2026-01-03T10:00")
            .Survey("A", "CSAT", 6, "2026-01-01T10:00").Survey("A", "CSAT", 10, respondedAt: null).Survey("A", "CSAT", score: null, "2026-01-02T10:00")
            .Task("A", date: null).Task("A", "2026-02-01")
            .Won("A", "2026-03-01", 40).Won("001-gone", "2026-03-01", 1000).Won(account: null, "2026-03-01", 1000)
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Number("A", "resolution_rate"));
        Assert.Equal(6m, run.Number("A", "csat"));
        Assert.Equal(1m / 12m, run.Number("A", "contact_frequency"), 12);
        Assert.Equal(40m, run.Portfolio("avg_transaction_value"));   // the deals of no synced account stay out of the org figure
        Assert.Equal(1, run.Quality("csat").Reason("missing date"));
        Assert.Equal(2, run.Quality("avg_transaction_value").Reason("no account"));
    }

    [Fact]
    public async Task An_as_of_before_a_customers_first_purchase_makes_it_a_prospect_again()
    {
        var org = new TestOrg().Account("A").Won("A", "2026-06-01", 100).Won("A", "2026-08-01", 50);

        var before = await org.ComputeAsOfAsync(store, "2026-05-31T23:59:59Z");
        var between = await org.ComputeAsOfAsync(store, "2026-07-01T00:00:00Z");

        Assert.False(before.Flag("A", "is_customer"));
        Assert.True(between.Flag("A", "is_customer"));
        Assert.Equal(100m, between.Number("A", "avg_transaction_value"));   // the August deal is after as-of
        Assert.Equal(0m, between.Number("A", "repeat_purchase_value"));
    }

    [Fact]
    public async Task An_org_without_accounts_computes_a_run_with_null_portfolio_figures()
    {
        var run = await new TestOrg().Lead("2026-01-10T10:00", converted: true, convertedOn: "2026-03-01").ComputeAsync(store);

        Assert.Empty(run.AccountIds);
        Assert.Null(run.Portfolio("retention_rate"));
        Assert.Equal(1m, run.Portfolio("lead_conversion_rate"));   // 1 converted of 1 created in W
    }

    [Fact]
    public async Task An_empty_org_computes_a_run()
    {
        var run = await new TestOrg().ComputeAsync(store);

        Assert.Empty(run.AccountIds);
        Assert.Null(run.Portfolio("retention_rate"));
        Assert.Null(run.Portfolio("lead_conversion_rate"));
    }
}

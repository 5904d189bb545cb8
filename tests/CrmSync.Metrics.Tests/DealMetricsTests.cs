using CrmSync.Metrics.Tests.Org;

namespace CrmSync.Metrics.Tests;

/// <summary>
/// Per-account deal metrics (#3, #4, #4b, #9, #12, #14, #19, #1b) on hand-built orgs, as of
/// 2026-11-01: W holds the dates 2025-11-02 … 2026-11-01, W₋₁ the dates 2024-11-02 … 2025-11-01.
/// </summary>
public sealed class DealMetricsTests(OrgStore store) : IClassFixture<OrgStore>
{
    [Fact]
    public async Task Repeat_purchase_value_leaves_out_every_deal_of_the_first_purchase_day()
    {
        var run = await new TestOrg()
            .Account("new").Won("new", "2026-02-10", 100).Won("new", "2026-02-10", 50).Won("new", "2026-05-01", 30).Won("new", "2026-09-01", 20)
            .Won("new", "2026-11-05", 1000)   // after as-of: does not exist for the run
            .Account("old").Won("old", "2023-03-01", 10).Won("old", "2026-01-01", 40).Won("old", "2026-06-01", 60)
            .ComputeAsync(store);

        Assert.Equal(50m, run.Number("new", "repeat_purchase_value"));   // 30 + 20: both deals of 2026-02-10 are the first purchase
        Assert.Equal(100m, run.Number("old", "repeat_purchase_value"));  // 40 + 60: the first purchase is in 2023
        Assert.Equal(new DateOnly(2026, 2, 10), run.FirstPurchase("new"));
        Assert.Equal(new DateOnly(2023, 3, 1), run.FirstPurchase("old"));
    }

    [Fact]
    public async Task Growth_compares_won_amount_and_count_of_W_with_W_minus_1()
    {
        var run = await new TestOrg()
            .Account("G").Won("G", "2025-01-10", 100).Won("G", "2025-06-10", 100).Won("G", "2026-01-10", 300)
            .Lost("G", "2025-03-01", 900)   // lost deals are no sales
            .Account("H").Won("H", "2026-03-01", 80)
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Number("G", "growth_value"));    // (300 − 200) / 200
        Assert.Equal(-0.5m, run.Number("G", "growth_volume"));  // (1 − 2) / 2
        Assert.Null(run.Value("H", "growth_value"));            // nothing won in W₋₁
        Assert.Null(run.Value("H", "growth_volume"));
    }

    [Fact]
    public async Task Win_rate_is_won_over_won_and_lost_closed_in_W()
    {
        var run = await new TestOrg()
            .Account("A").Won("A", "2026-01-05", 10).Won("A", "2026-02-05", 10).Won("A", "2026-03-05", 10).Lost("A", "2026-04-05")
            .Open("A").Lost("A", "2025-05-05")   // open, and lost in W₋₁: neither counts
            .Account("only-open").Open("only-open")
            .ComputeAsync(store);

        Assert.Equal(0.75m, run.Number("A", "win_rate"));   // 3 / (3 + 1)
        Assert.Equal(4, run.RecordsUsed("A", "win_rate"));
        Assert.Null(run.Value("only-open", "win_rate"));
    }

    [Fact]
    public async Task A_null_amount_counts_as_zero_and_is_reported()
    {
        var run = await new TestOrg()
            .Account("A").Won("A", "2026-01-01", 100).Won("A", "2026-02-01", 200).Won("A", "2026-03-01", amount: null)
            .ComputeAsync(store);

        Assert.Equal(100m, run.Number("A", "avg_transaction_value"));   // (100 + 200 + 0) / 3 deals
        Assert.Equal(1, run.Quality("avg_transaction_value").Reason("null Amount (counted as 0)"));
    }

    [Fact]
    public async Task A_won_deal_without_close_date_is_skipped_as_missing_date()
    {
        var run = await new TestOrg()
            .Account("A").Won("A", "2026-01-01", 100).Won("A", closed: null, 5000)
            .ComputeAsync(store);

        Assert.Equal(100m, run.Number("A", "avg_transaction_value"));
        Assert.Equal(1, run.Quality("avg_transaction_value").Reason("missing date"));
    }

    [Fact]
    public async Task Churn_cost_is_the_W_minus_1_amount_of_an_account_that_stopped_buying()
    {
        var run = await new TestOrg()
            .Account("churned").Won("churned", "2025-02-01", 100).Won("churned", "2025-09-01", 50)
            .Account("kept").Won("kept", "2025-02-01", 100).Won("kept", "2026-02-01", 10)
            .Account("prospect")
            .ComputeAsync(store);

        Assert.Equal(150m, run.Number("churned", "churn_cost"));   // 100 + 50, nothing in W
        Assert.Equal(0m, run.Number("kept", "churn_cost"));
        Assert.Equal(0m, run.Number("prospect", "churn_cost"));
        Assert.False(run.Flag("churned", "retained"));
        Assert.True(run.Flag("kept", "retained"));
        Assert.False(run.Flag("prospect", "retained"));
    }

    [Fact]
    public async Task Upgrades_per_year_count_won_upgrade_deals_in_W()
    {
        const string upgrade = "Existing Customer - Upgrade";
        var run = await new TestOrg()
            .Account("A").Won("A", "2024-01-01", 10)
            .Won("A", "2026-01-01", 10, upgrade).Won("A", "2026-04-01", 10, upgrade).Won("A", "2026-05-01", 10, "Existing Customer - Replacement")
            .Won("A", "2025-06-01", 10, upgrade)   // W₋₁
            .Account("B")
            .ComputeAsync(store);

        Assert.Equal(2m, run.Number("A", "upgrades_per_year"));   // 2 upgrades in 12 months
        Assert.Equal(0m, run.Number("B", "upgrades_per_year"));
    }

    [Fact]
    public async Task Upgrades_per_year_follow_the_period_and_the_configured_upgrade_types()
    {
        // P = 6: W = (2026-05-01, 2026-11-01].
        var run = await new TestOrg()
            .Account("A").Won("A", "2026-06-01", 10, "Expansion").Won("A", "2026-08-01", 10, "Expansion")
            .Won("A", "2026-07-01", 10, "Existing Customer - Upgrade")   // not an upgrade type any more
            .Won("A", "2026-04-01", 10, "Expansion")                     // before W
            .ComputeAsync(store, "Metrics:PeriodMonths=6", "Metrics:UpgradeTypes:0=Expansion");

        Assert.Equal(4m, run.Number("A", "upgrades_per_year"));   // 2 upgrades in half a year
    }

    [Fact]
    public async Task An_account_with_one_deal()
    {
        var run = await new TestOrg().Account("one").Won("one", "2026-04-01", 500).ComputeAsync(store);

        Assert.True(run.Flag("one", "is_customer"));
        Assert.Equal(new DateOnly(2026, 4, 1), run.FirstPurchase("one"));
        Assert.Equal(0m, run.Number("one", "repeat_purchase_value"));
        Assert.Equal(500m, run.Number("one", "avg_transaction_value"));
        Assert.Equal(1m, run.Number("one", "win_rate"));
        Assert.Null(run.Value("one", "growth_value"));
        Assert.Null(run.Value("one", "growth_volume"));
        Assert.Equal(0m, run.Number("one", "churn_cost"));
        Assert.False(run.Flag("one", "retained"));
        Assert.Equal(1m, run.Portfolio("customers_new"));
    }

    [Fact]
    public async Task A_deal_exactly_12_months_before_as_of_is_in_W_minus_1_and_one_exactly_at_as_of_is_in_W()
    {
        var run = await new TestOrg()
            .Account("A").Won("A", "2024-11-01", 1000)   // exactly as-of − 24 months: outside W₋₁
            .Won("A", "2025-11-01", 100)                 // exactly as-of − 12 months: W₋₁
            .Won("A", "2026-11-01", 300)                 // exactly as-of: W
            .ComputeAsync(store);

        Assert.Equal(300m, run.Number("A", "avg_transaction_value"));
        Assert.Equal(2m, run.Number("A", "growth_value"));   // (300 − 100) / 100
        Assert.True(run.Flag("A", "retained"));
    }

    [Fact]
    public async Task An_as_of_in_the_middle_of_a_day_includes_that_day_and_excludes_the_day_of_the_window_start()
    {
        // As of 2026-05-17 12:00: W = (2025-05-17 12:00, 2026-05-17 12:00], so the dates 2025-05-18 … 2026-05-17.
        var run = await new TestOrg()
            .Account("A").Won("A", "2025-05-17", 100).Won("A", "2025-05-18", 20).Won("A", "2026-05-17", 40).Won("A", "2026-05-18", 900)
            .ComputeAsOfAsync(store, "2026-05-17T12:00:00Z");

        Assert.Equal(30m, run.Number("A", "avg_transaction_value"));   // (20 + 40) / 2
        Assert.Equal(new DateOnly(2025, 5, 17), run.FirstPurchase("A"));
        Assert.Equal(60m, run.Number("A", "repeat_purchase_value"));
    }

    [Fact]
    public async Task A_one_month_period_at_a_month_end_takes_both_windows_from_as_of()
    {
        // As of 2026-03-31 10:00 with P = 1: W = (2026-02-28 10:00, 2026-03-31 10:00], W₋₁ = (2026-01-31 10:00, 2026-02-28 10:00].
        var run = await new TestOrg()
            .Account("A")
            .Won("A", "2026-01-31", 1000)   // before W₋₁
            .Won("A", "2026-02-01", 100)    // W₋₁
            .Won("A", "2026-02-28", 100)    // W₋₁ (its midnight is before 10:00)
            .Won("A", "2026-03-01", 60).Won("A", "2026-03-31", 240)   // W
            .UsageDays("A", "2026-03-01", 31)
            .ComputeAsOfAsync(store, "2026-03-31T10:00:00Z", "Metrics:PeriodMonths=1");

        Assert.Equal(150m, run.Number("A", "avg_transaction_value"));   // (60 + 240) / 2
        Assert.Equal(0.5m, run.Number("A", "growth_value"));            // (300 − 200) / 200
        Assert.Equal(7m, run.Number("A", "usage_days_per_week"), 12);   // 31 days / (31 days / 7)
    }
}

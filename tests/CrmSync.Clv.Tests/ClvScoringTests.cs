using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Predictions;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Tests;

public sealed class ClvScoringTests
{
    [Fact]
    public void Predictive_clv_discounts_each_month_at_the_monthly_equivalent_of_the_annual_rate()
    {
        // Rates with almost no spread and almost no churn: one purchase a month (to 1e-6).
        var steady = new BgNbdParameters(1e5, 1e5, 1e-5, 1e5);
        var clv = DiscountedClv.Compute(steady, new PurchaseHistory(0, 0, 0, 0), 100, TimeUnit.Month, 12, 0.10);

        // 100 · Σ_{m=1..12} v^m with v = 1.1^(−1/12): a geometric series, 100 · v (1 − v¹²) / (1 − v).
        var v = Math.Pow(1.1, -1.0 / 12);
        Assert.Equal(100 * v * (1 - (1 / 1.1)) / (1 - v), clv, 1e-3);
    }

    [Fact]
    public void Without_discounting_clv_is_value_times_expected_purchases_over_the_horizon()
    {
        var parameters = new BgNbdParameters(0.2426, 4.4137, 0.7929, 2.4262);
        var history = new PurchaseHistory(2, 30.43, 38.86, 0);

        var clv = DiscountedClv.Compute(parameters, history, 50, TimeUnit.Week, 12, 0);

        Assert.Equal(50 * parameters.ExpectedPurchases(history, 365.2425 / 7), clv, 1e-9);
        Assert.True(DiscountedClv.Compute(parameters, history, 50, TimeUnit.Week, 12, 0.10) < clv);
    }

    [Theory]
    [InlineData(new double[] { 8, 7, 6, 5, 4, 3, 2, 1 }, "PPGGSSBB")]
    [InlineData(new double[] { 5, 4, 3, 2, 1 }, "PGSBB")]
    [InlineData(new double[] { 3, 3, 3, 3 }, "BBBB")]
    [InlineData(new double[] { 1, 9, 9, 0 }, "SGGB")]
    [InlineData(new double[] { 10, 5, 5, 5, 1, 1, 1, 0 }, "PGGGBBBB")]
    public void Tiers_are_quartiles_and_ties_share_the_lower_tier(double[] clv, string tiers) =>
        Assert.Equal(tiers, string.Concat(ClvTiers.Assign(clv).Select(t => t.ToString()[0])));

    [Theory]
    [InlineData(ClvTier.Platinum, 0.3, "At risk: call this week")]
    [InlineData(ClvTier.Gold, 0.49, "At risk: call this week")]
    [InlineData(ClvTier.Gold, 0.5, "Grow: propose a cross-sell")]
    [InlineData(ClvTier.Bronze, 1.0, "Self-service: newsletter and online offers")]
    public void The_default_rule_table_picks_the_first_matching_rule(ClvTier tier, double alive, string action) =>
        Assert.Equal(action, NextBestActions.Choose(NextBestActions.Default, tier, alive));

    [Fact]
    public void Callers_rule_tables_replace_the_default_and_no_match_means_no_action()
    {
        NextBestActionRule[] rules = [new([ClvTier.Silver], 0, 0.2, "Send the survey")];

        Assert.Equal("Send the survey", NextBestActions.Choose(rules, ClvTier.Silver, 0.1));
        Assert.Null(NextBestActions.Choose(rules, ClvTier.Silver, 0.2));
        Assert.Null(NextBestActions.Choose(rules, ClvTier.Gold, 0.1));
    }

    [Fact]
    public void Next_purchase_is_the_last_purchase_plus_the_median_gap_between_purchase_days()
    {
        var summary = RfmSummary.FromTransactions(
        [
            new("a", new(2025, 1, 1), 1m), new("a", new(2025, 1, 2), 1m), new("a", new(2025, 1, 2), 1m), new("a", new(2025, 1, 4), 1m),
            new("b", new(2025, 1, 1), 1m), new("b", new(2025, 1, 1), 1m),
        ], new DateOnly(2025, 2, 1), TimeUnit.Day);

        Assert.Equal(new DateOnly(2025, 1, 6), NextPurchase.Expected(summary.Customers[0]));  // gaps 1 and 2: median 1.5 → 2 days
        Assert.Null(NextPurchase.Expected(summary.Customers[1]));                              // two deals, one purchase day
    }

    [Theory]
    [InlineData(0.8, 10, 5.0)]
    [InlineData(0.95, 10, 10.0)]
    [InlineData(1.0, 7, 7.0)]
    [InlineData(0.0, 10, 1.0)]
    public void Lifespan_is_one_over_churn_capped(double retention, double cap, double years) =>
        Assert.Equal(years, HistoricalClv.LifespanYears(retention, cap)!.Value, 1e-12);

    [Fact]
    public void Historical_clv_is_order_value_times_yearly_purchases_times_lifespan()
    {
        // Four purchase days worth 400 in total over two years (first purchase 2023-01-01, as of 2025-01-01).
        var summary = RfmSummary.FromTransactions(
            [new("a", new(2023, 1, 1), 100m), new("a", new(2023, 6, 1), 100m), new("a", new(2024, 1, 1), 150m), new("a", new(2024, 6, 1), 50m)],
            new DateOnly(2025, 1, 1), TimeUnit.Day);

        var clv = HistoricalClv.Compute(summary.Customers[0], TimeUnit.Day, lifespanYears: 5);

        Assert.Equal(100 * (4 / (731 / 365.2425)) * 5, clv, 1e-9);
        Assert.Null(HistoricalClv.LifespanYears(null, 10));
    }

    [Fact]
    public void Scoring_refuses_a_fit_in_another_time_unit()
    {
        var weeks = Cdnow.CalibrationWeeks();
        var days = RfmSummary.FromTransactions(Cdnow.Transactions, Cdnow.CalibrationEnd, TimeUnit.Day);
        var fit = BgNbdModel.Fit(weeks);

        var error = Assert.Throws<ArgumentException>(() => ClvScoring.Score(days, fit, GammaGammaModel.Fit(days), new ClvOptions(TimeUnit.Day)));

        Assert.Contains("summary in days, BG/NBD fitted in weeks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cdnow_run_scores_every_customer_with_finite_values_and_quartile_tiers()
    {
        var result = ClvRun.Compute(Cdnow.Transactions, Cdnow.CalibrationEnd, new ClvOptions(TimeUnit.Week), _ => 3);

        Assert.Equal(2357, result.Customers.Count);
        Assert.All(result.Customers, c =>
        {
            Assert.InRange(c.ProbabilityAlive, 0, 1);
            Assert.True(c.ExpectedPurchases >= 0 && c.PredictiveClv >= 0 && c.HistoricalClv >= 0 && c.NextBestAction is not null);
        });
        var platinum = result.Customers.Count(c => c.Tier == ClvTier.Platinum);
        Assert.InRange(platinum, 1, 2357 / 4);
        Assert.True(result.Customers.Where(c => c.Tier == ClvTier.Platinum).Min(c => c.PredictiveClv)
            > result.Customers.Where(c => c.Tier == ClvTier.Gold).Max(c => c.PredictiveClv));
    }
}

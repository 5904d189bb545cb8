using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Tests;

public sealed class RfmSummaryTests
{
    private static readonly DateOnly AsOf = new(2025, 3, 31);

    [Fact]
    public void Same_day_deals_are_one_purchase_worth_their_sum_and_later_deals_are_ignored()
    {
        var summary = RfmSummary.FromTransactions(
        [
            new("acme", new(2025, 1, 1), 100m),
            new("acme", new(2025, 1, 15), 30m),
            new("acme", new(2025, 1, 15), 20m),
            new("acme", new(2025, 2, 12), 70m),
            new("acme", new(2025, 4, 1), 999m),
        ], AsOf, TimeUnit.Day);

        var acme = Assert.Single(summary.Customers);
        Assert.Equal(3, acme.Purchases);
        Assert.Equal(2, acme.RepeatPurchases);
        Assert.Equal(42, acme.History.Recency);          // Jan 1 → Feb 12
        Assert.Equal(89, acme.History.Age);              // Jan 1 → Mar 31
        Assert.Equal(60, acme.History.MeanRepeatValue);  // (50 + 70) / 2, the first purchase excluded
        Assert.Equal(220m, acme.TotalValue);
        Assert.Equal(new DateOnly(2025, 2, 12), acme.LastPurchase);
        Assert.Equal(21, acme.MedianGapDays);            // gaps 14 and 28
    }

    [Theory]
    [InlineData(TimeUnit.Day, 42, 89)]
    [InlineData(TimeUnit.Week, 6, 89 / 7.0)]
    [InlineData(TimeUnit.Month, 42 / 30.436875, 89 / 30.436875)]
    public void Durations_are_in_the_chosen_unit(TimeUnit unit, double recency, double age)
    {
        var summary = RfmSummary.FromTransactions(
            [new("a", new(2025, 1, 1), 1m), new("a", new(2025, 2, 12), 1m)], AsOf, unit);

        Assert.Equal(recency, summary.Customers[0].History.Recency, 1e-12);
        Assert.Equal(age, summary.Customers[0].History.Age, 1e-12);
        Assert.Equal(unit, summary.Unit);
    }

    [Fact]
    public void One_time_buyers_have_no_repeat_value_and_no_gap_and_customers_come_in_id_order()
    {
        var summary = RfmSummary.FromTransactions(
        [
            new("b", new(2025, 3, 1), 10m),
            new("a", new(2025, 3, 2), 5m),
            new("a", new(2025, 3, 2), 5m),
            new("c", new(2025, 4, 2), 5m),
        ], AsOf, TimeUnit.Week);

        Assert.Equal(["a", "b"], summary.Customers.Select(c => c.CustomerId));
        var a = summary.Customers[0];
        Assert.Equal((0, 0.0, 0.0), (a.RepeatPurchases, a.History.Recency, a.History.MeanRepeatValue));
        Assert.Null(a.MedianGapDays);
        Assert.Equal(10m, a.TotalValue);
        Assert.Equal(0, summary.Customers.Sum(c => c.RepeatPurchases));
    }

    [Fact]
    public void The_median_gap_of_an_odd_number_of_gaps_is_the_middle_one()
    {
        var summary = RfmSummary.FromTransactions(
            [new("a", new(2025, 1, 1), 1m), new("a", new(2025, 1, 2), 1m), new("a", new(2025, 1, 12), 1m), new("a", new(2025, 3, 1), 1m)],
            AsOf, TimeUnit.Day);

        Assert.Equal(10, summary.Customers[0].MedianGapDays);  // gaps 1, 10, 48
    }

    [Fact]
    public void Describe_names_counts_ranges_and_unit()
    {
        var text = Cdnow.CalibrationWeeks().Describe();

        Assert.Equal("2,357 customers (946 with repeat purchases), x up to 29, T 27.00–38.86 weeks, as of 1997-09-30", text);
    }
}

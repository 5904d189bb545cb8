namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>
/// #3, #4, #4b, #9, #12, #14, #19, #1b and the customer facts, from one account's deals (or, for
/// the pooled figures, a segment's). Won = IsWon with a CloseDate; lost = IsClosed and not IsWon;
/// a null Amount counts as 0.
/// </summary>
public static class DealFamily
{
    public static IEnumerable<Figure> PerAccount(IReadOnlyList<DealRecord> deals, Periods periods, MetricSettings settings)
    {
        var wonInWindow = WonIn(deals, periods.InWindow);
        var wonInPrevious = WonIn(deals, periods.InPrevious);
        var lostInWindow = deals.Count(d => d.IsClosed && !d.IsWon && periods.InWindow(d.CloseDate));
        var firstPurchase = FirstPurchase(deals, periods);
        yield return new("is_customer", firstPurchase is not null);
        yield return new("first_purchase", firstPurchase);
        yield return new("repeat_purchase_value", RepeatPurchaseValue(deals, periods));
        yield return Growth("growth_value", deals, periods);
        var bothWindows = wonInWindow.Count + wonInPrevious.Count;
        yield return new("growth_volume", wonInPrevious.Count == 0 ? null : (decimal)(wonInWindow.Count - wonInPrevious.Count) / wonInPrevious.Count, bothWindows);
        yield return Figure.Ratio("win_rate", wonInWindow.Count, wonInWindow.Count + lostInWindow);
        yield return AverageTransactionValue(deals, periods);
        yield return new("churn_cost", ChurnCost(deals, periods));
        yield return new("upgrades_per_year", wonInWindow.Count(d => d.Type is not null && settings.UpgradeTypes.Contains(d.Type)) / (periods.Months / 12m));
        yield return new("retained", wonInPrevious.Count > 0 && wonInWindow.Count > 0);
    }

    /// <summary>The earliest day with a won deal dated ≤ as-of; null for a prospect.</summary>
    public static DateOnly? FirstPurchase(IEnumerable<DealRecord> deals, Periods periods) =>
        deals.Where(d => d.IsWon && periods.ByAsOf(d.CloseDate)).Min(d => d.CloseDate);

    public static bool ActiveInWindow(IEnumerable<DealRecord> deals, Periods periods) => WonIn(deals, periods.InWindow).Count > 0;

    public static bool ActiveInPrevious(IEnumerable<DealRecord> deals, Periods periods) => WonIn(deals, periods.InPrevious).Count > 0;

    /// <summary>Σ Amount of won deals in W dated after the first purchase day (of one account).</summary>
    public static decimal RepeatPurchaseValue(IReadOnlyList<DealRecord> accountDeals, Periods periods) =>
        FirstPurchase(accountDeals, periods) is { } first ? Amount(WonIn(accountDeals, periods.InWindow).Where(d => d.CloseDate > first)) : 0m;

    public static decimal ChurnCost(IReadOnlyList<DealRecord> accountDeals, Periods periods) =>
        ActiveInPrevious(accountDeals, periods) && !ActiveInWindow(accountDeals, periods) ? Amount(WonIn(accountDeals, periods.InPrevious)) : 0m;

    /// <summary>(won Amount in W − in W₋₁) / in W₋₁ over the won deals of both windows: #4 of an account, #16 of a segment.</summary>
    public static Figure Growth(string metric, IEnumerable<DealRecord> deals, Periods periods)
    {
        var (window, previous) = (WonIn(deals, periods.InWindow), WonIn(deals, periods.InPrevious));
        var before = Amount(previous);
        return new(metric, before == 0 ? null : (Amount(window) - before) / before, window.Count + previous.Count);
    }

    public static Figure AverageTransactionValue(IEnumerable<DealRecord> deals, Periods periods)
    {
        var won = WonIn(deals, periods.InWindow);
        return Figure.Ratio("avg_transaction_value", Amount(won), won.Count);
    }

    public static decimal WonAmountInWindow(IEnumerable<DealRecord> deals, Periods periods) => Amount(WonIn(deals, periods.InWindow));

    private static List<DealRecord> WonIn(IEnumerable<DealRecord> deals, Func<DateOnly?, bool> window) =>
        deals.Where(d => d.IsWon && window(d.CloseDate)).ToList();

    private static decimal Amount(IEnumerable<DealRecord> deals) => deals.Sum(d => d.Amount ?? 0m);
}

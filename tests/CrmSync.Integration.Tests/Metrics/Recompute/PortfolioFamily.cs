namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>
/// segment_metric of one segment (or "(all)"): the customer counts, #1, #2, #3, #14, #16 summed or
/// counted over its accounts, and the figures pooled over its records (never a mean of account means).
/// </summary>
public static class PortfolioFamily
{
    public static IEnumerable<Figure> Figures(IReadOnlyList<RecordSet> accounts, Periods periods, MetricSettings settings)
    {
        var start = accounts.Count(a => DealFamily.ActiveInPrevious(a.Deals, periods));
        var end = accounts.Count(a => DealFamily.ActiveInWindow(a.Deals, periods));
        var fresh = accounts.Count(a => IsNewCustomer(a, periods));
        var repeat = accounts.Sum(a => DealFamily.RepeatPurchaseValue(a.Deals, periods));
        var pooled = RecordSet.Combine(accounts);
        var wonInWindow = DealFamily.WonAmountInWindow(pooled.Deals, periods);
        yield return new("customers_start", (decimal)start);
        yield return new("customers_end", (decimal)end);
        yield return new("customers_new", (decimal)fresh);
        yield return Figure.Ratio("retention_rate", end - fresh, start);
        yield return Figure.Ratio("acquisition_rate", fresh, start);
        yield return new("repeat_purchase_value", repeat);
        yield return new("repeat_purchase_share", wonInWindow == 0 ? null : repeat / wonInWindow);
        yield return new("churn_cost", accounts.Sum(a => DealFamily.ChurnCost(a.Deals, periods)));
        yield return DealFamily.Growth("sales_growth_rate", pooled.Deals, periods);
        yield return DealFamily.AverageTransactionValue(pooled.Deals, periods);
        yield return InvoiceUsageFamily.AveragePaymentDays(pooled.Invoices, periods);
        yield return CampaignLeadFamily.CampaignResponseRate(pooled.Members, periods);
        foreach (var figure in CaseFamily.Figures(pooled.Cases, periods).Concat(SurveyFamily.Figures(pooled.Surveys, periods, settings)))
        {
            yield return figure;
        }
    }

    /// <summary>#20: new customers of the segment / its Accounts created ≤ as-of (or without a creation date).</summary>
    public static Figure TargetPenetration(string segment, IEnumerable<(AccountRecord Account, RecordSet Records)> accounts, Periods periods)
    {
        var members = accounts.Where(a => a.Account.Segment == segment).ToList();
        var counted = members.Count(a => a.Account.CreatedAt is null || a.Account.CreatedAt <= periods.AsOf);
        return Figure.Ratio("target_penetration:" + segment, members.Count(a => IsNewCustomer(a.Records, periods)), counted);
    }

    /// <summary>A customer whose first purchase is in W.</summary>
    private static bool IsNewCustomer(RecordSet account, Periods periods) =>
        DealFamily.FirstPurchase(account.Deals, periods) is { } first && periods.InWindow(first);
}

using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Predictions;

/// <summary>Predictive CLV: expected purchases month by month, valued at the expected deal value, discounted monthly.</summary>
public static class DiscountedClv
{
    /// <summary>
    /// CLV = Σ_{m=1..H} v · (E[Y(m·M)] − E[Y((m−1)·M)]) · (1 + d)^(−m/12), where v is the expected deal value, E[Y(t)] the
    /// expected purchases in (T, T+t], M one month in the fit's unit (30.436875 days) and d the annual rate: purchases
    /// expected during month m are valued at the end of month m.
    /// </summary>
    public static double Compute(BgNbdParameters purchases, PurchaseHistory history, double expectedValue, TimeUnit unit, int horizonMonths, double annualDiscountRate) =>
        ComputeWithPurchases(purchases, history, expectedValue, unit, horizonMonths, annualDiscountRate).Clv;

    /// <summary>The CLV and, on the way, the purchases expected over the whole horizon.</summary>
    internal static (double Clv, double ExpectedPurchases) ComputeWithPurchases(
        BgNbdParameters purchases, PurchaseHistory history, double expectedValue, TimeUnit unit, int horizonMonths, double annualDiscountRate)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        var month = unit.FromMonths(1);
        var logMonthlyDiscount = Math.Log(1 + annualDiscountRate) / 12;
        double total = 0, previous = 0;
        for (var m = 1; m <= horizonMonths; m++)
        {
            var cumulative = purchases.ExpectedPurchases(history, m * month);
            total += (cumulative - previous) * Math.Exp(-m * logMonthlyDiscount);
            previous = cumulative;
        }

        return (expectedValue * total, previous);
    }
}

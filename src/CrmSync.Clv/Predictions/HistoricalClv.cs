using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Predictions;

/// <summary>Historical CLV = average order value × purchases per year × expected lifespan in years.</summary>
public static class HistoricalClv
{
    /// <summary>
    /// Expected lifespan = 1 / (1 − retention rate), capped at <paramref name="maxYears"/> (a retention of 1 or more
    /// gives the cap); null when the retention rate is unknown.
    /// </summary>
    public static double? LifespanYears(double? retentionRate, double maxYears)
    {
        if (retentionRate is not { } rate || double.IsNaN(rate))
        {
            return null;
        }

        return rate >= 1 ? maxYears : Math.Min(1 / (1 - Math.Max(rate, 0)), maxYears);
    }

    /// <summary>
    /// Average order value (total value / purchase days) × purchases per year (purchase days / tenure in years, tenure =
    /// first purchase → as-of, at least one <paramref name="unit"/>) × <paramref name="lifespanYears"/>.
    /// </summary>
    public static double Compute(CustomerRfm customer, TimeUnit unit, double lifespanYears)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var tenureYears = Math.Max(customer.History.Age, 1) * unit.Days() / TimeUnits.DaysPerYear;
        return customer.AverageOrderValue * (customer.Purchases / tenureYears) * lifespanYears;
    }
}

namespace CrmSync.Clv.Predictions;

/// <summary>The settings of a CLV run (spec: <c>clv.*</c>).</summary>
/// <param name="Unit">Time unit of the fit (<c>clv.time_unit</c>).</param>
/// <param name="HorizonMonths">Months of future purchases the predictive CLV counts.</param>
/// <param name="AnnualDiscountRate">Yearly rate future value is discounted at (<c>clv.annual_discount_rate</c>), applied monthly.</param>
/// <param name="MaxLifespanYears">Cap on the expected lifespan of the historical CLV (<c>clv.max_lifespan_years</c>).</param>
public sealed record ClvOptions(TimeUnit Unit = TimeUnit.Week, int HorizonMonths = 12, double AnnualDiscountRate = 0.10, double MaxLifespanYears = 10)
{
    public void Validate()
    {
        _ = Unit.Days();
        if (HorizonMonths is < 1 or > 1200)
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonMonths), HorizonMonths, "The CLV horizon must be between 1 and 1200 months.");
        }

        if (!(AnnualDiscountRate > -1 && AnnualDiscountRate < 10))
        {
            throw new ArgumentOutOfRangeException(nameof(AnnualDiscountRate), AnnualDiscountRate, "The annual discount rate must be above -1 (e.g. 0.10 for 10 %).");
        }

        if (!(MaxLifespanYears > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLifespanYears), MaxLifespanYears, "The maximum lifespan must be positive.");
        }
    }
}

using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Predictions;

/// <summary>Per-customer CLV from fitted models: P(alive), expected purchases and value, CLVs, tier, action, next date.</summary>
public static class ClvScoring
{
    /// <param name="lifespanYears">The expected lifespan for a customer's historical CLV (see <see cref="HistoricalClv.LifespanYears"/>); null → no historical CLV.</param>
    /// <param name="rules">The next-best-action table; null → <see cref="NextBestActions.Default"/>.</param>
    /// <exception cref="ArgumentException">The summary and the fit use different time units.</exception>
    public static IReadOnlyList<CustomerClv> Score(
        RfmSummary summary,
        BgNbdFit purchases,
        GammaGammaFit spend,
        ClvOptions options,
        Func<CustomerRfm, double?>? lifespanYears = null,
        IReadOnlyList<NextBestActionRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(spend);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (summary.Unit != purchases.Unit || summary.Unit != options.Unit)
        {
            throw new ArgumentException(
                $"Time units differ: summary in {summary.Unit.Name()}s, BG/NBD fitted in {purchases.Unit.Name()}s, options say {options.Unit.Name()}s. " +
                "Parameters are per unit of time, so all three must be the same.",
                nameof(purchases));
        }

        rules ??= NextBestActions.Default;
        var customers = summary.Customers;
        var scored = new (double Alive, double Purchases, double Value, double Clv)[customers.Count];
        Parallel.For(0, customers.Count, i =>
        {
            var history = customers[i].History;
            var value = spend.ExpectedAverageValue(history);
            var (clv, expected) = DiscountedClv.ComputeWithPurchases(purchases.Parameters, history, value, options.Unit, options.HorizonMonths, options.AnnualDiscountRate);
            scored[i] = (purchases.Parameters.ProbabilityAlive(history), expected, value, clv);
        });

        var tiers = ClvTiers.Assign(Array.ConvertAll(scored, s => s.Clv));
        var result = new CustomerClv[customers.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var customer = customers[i];
            var (alive, expected, value, clv) = scored[i];
            var historical = lifespanYears?.Invoke(customer) is { } years ? HistoricalClv.Compute(customer, options.Unit, years) : (double?)null;
            result[i] = new CustomerClv(customer.CustomerId, alive, expected, value, clv, historical, tiers[i],
                NextBestActions.Choose(rules, tiers[i], alive), NextPurchase.Expected(customer));
        }

        return result;
    }
}

using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Predictions;

/// <summary>A whole CLV computation: the summary, both fits and every customer's CLV.</summary>
public sealed record ClvResult(RfmSummary Summary, BgNbdFit Purchases, GammaGammaFit Spend, IReadOnlyList<CustomerClv> Customers);

/// <summary>The one call the metric run needs: won deals in, CLV per customer out.</summary>
public static class ClvRun
{
    /// <summary>Summarises deals up to <paramref name="asOf"/>, fits BG/NBD and Gamma-Gamma, scores every customer.</summary>
    /// <exception cref="ClvFitException">BG/NBD cannot be fitted (too few repeaters, no convergence); there is no predictive CLV then.</exception>
    public static ClvResult Compute(
        IEnumerable<Transaction> wonDeals,
        DateOnly asOf,
        ClvOptions options,
        Func<CustomerRfm, double?>? lifespanYears = null,
        IReadOnlyList<NextBestActionRule>? rules = null,
        FitOptions? fitOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var summary = RfmSummary.FromTransactions(wonDeals, asOf, options.Unit);
        var purchases = BgNbdModel.Fit(summary, fitOptions);
        var spend = GammaGammaModel.Fit(summary, fitOptions);
        return new ClvResult(summary, purchases, spend, ClvScoring.Score(summary, purchases, spend, options, lifespanYears, rules));
    }
}

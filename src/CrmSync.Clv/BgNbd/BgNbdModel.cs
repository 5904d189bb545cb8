using System.Globalization;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.BgNbd;

/// <summary>A BG/NBD fit: the maximum-likelihood parameters in <paramref name="Unit"/>s and how they were found.</summary>
/// <param name="LogLikelihood">Summed over customers, with durations in <paramref name="Unit"/>s.</param>
public sealed record BgNbdFit(BgNbdParameters Parameters, TimeUnit Unit, double LogLikelihood, int Customers, int Repeaters, int Iterations, bool Converged);

/// <summary>Maximum-likelihood fitting of the BG/NBD purchase model.</summary>
public static class BgNbdModel
{
    public static BgNbdFit Fit(RfmSummary summary, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Fit(summary.Histories, summary.Unit, options);
    }

    /// <summary>
    /// Fits r, α, a, b to customers' (x, tₓ, T) in <paramref name="unit"/>s.
    /// </summary>
    /// <exception cref="ClvFitException">Too few repeaters, or the optimizer did not converge; the message describes the data.</exception>
    public static BgNbdFit Fit(IReadOnlyList<PurchaseHistory> histories, TimeUnit unit, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        options ??= FitOptions.Default;
        var repeaters = PurchaseHistories.CountRepeaters(histories);
        if (repeaters < Math.Max(1, options.MinimumRepeaters))
        {
            throw new ClvFitException(
                FitFailure.TooFewRepeaters,
                $"BG/NBD needs at least {options.MinimumRepeaters} customers with a repeat purchase: {PurchaseHistories.Describe(histories, unit)}.");
        }

        var likelihood = new BgNbdLikelihood(histories);
        var outcome = MaximumLikelihood.Maximize(likelihood, StartingPoint(histories), options);
        var p = outcome.LogParameters;
        var parameters = new BgNbdParameters(Math.Exp(p[0]), Math.Exp(p[1]), Math.Exp(p[2]), Math.Exp(p[3]));
        if (!outcome.Converged)
        {
            throw new ClvFitException(
                FitFailure.NotConverged,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"BG/NBD fit did not converge after {outcome.Iterations} iterations (last r = {parameters.R:G5}, α = {parameters.Alpha:G5}, " +
                    $"a = {parameters.A:G5}, b = {parameters.B:G5}, gradient {outcome.GradientNorm:G3}); data: {PurchaseHistories.Describe(histories, unit)}. " +
                    $"Check the time unit and that the data spans several purchase cycles."));
        }

        return new BgNbdFit(parameters, unit, outcome.LogLikelihood, histories.Count, repeaters, outcome.Iterations, Converged: true);
    }

    /// <summary>r = a = b = 1 and α a tenth of the longest T, the start lifetimes uses after scaling T to at most 10.</summary>
    private static double[] StartingPoint(IReadOnlyList<PurchaseHistory> histories)
    {
        var maxAge = 0.0;
        foreach (var history in histories)
        {
            maxAge = Math.Max(maxAge, history.Age);
        }

        return [0, Math.Log(Math.Max(maxAge / 10, 1e-3)), 0, 0];
    }
}

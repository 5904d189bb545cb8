using System.Globalization;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.GammaGamma;

/// <summary>Maximum-likelihood fitting of the Gamma-Gamma spend model on customers with repeat purchases.</summary>
public static class GammaGammaModel
{
    public static GammaGammaFit Fit(RfmSummary summary, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Fit(summary.Histories, options);
    }

    /// <summary>
    /// Fits p, q, γ on customers with x ≥ 1 and a positive mean repeat value (others carry no information about spend).
    /// Never throws for the data's sake: too few repeaters, non-convergence and q ≤ 1 come back as a status with a fallback.
    /// </summary>
    public static GammaGammaFit Fit(IReadOnlyList<PurchaseHistory> histories, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(histories);
        options ??= FitOptions.Default;
        var repeaters = new List<(int X, double Mean)>();
        var sum = 0.0;
        for (var i = 0; i < histories.Count; i++)
        {
            histories[i].Validate(i);
            if (histories[i] is { RepeatPurchases: > 0, MeanRepeatValue: > 0 } h)
            {
                repeaters.Add((h.RepeatPurchases, h.MeanRepeatValue));
                sum += h.MeanRepeatValue;
            }
        }

        var observedMean = repeaters.Count > 0 ? sum / repeaters.Count : 0;
        if (repeaters.Count < Math.Max(2, options.MinimumRepeaters))
        {
            return new GammaGammaFit(SpendModelStatus.TooFewRepeaters, null, null, repeaters.Count, 0, observedMean,
                $"Gamma-Gamma needs at least {options.MinimumRepeaters} customers with a positive repeat value, found {repeaters.Count}; using observed means.");
        }

        var likelihood = new GammaGammaLikelihood(repeaters);
        var outcome = MaximumLikelihood.Maximize(likelihood, StartingPoint(observedMean), options);
        var parameters = new GammaGammaParameters(Math.Exp(outcome.LogParameters[0]), Math.Exp(outcome.LogParameters[1]), Math.Exp(outcome.LogParameters[2]));
        var (status, problem) = (outcome.Converged, parameters.Q > 1) switch
        {
            (false, _) => (SpendModelStatus.NotConverged, $"Gamma-Gamma fit did not converge after {outcome.Iterations} iterations on {repeaters.Count:N0} repeaters; using observed means."),
            (true, false) => (SpendModelStatus.QNotAboveOne, string.Create(CultureInfo.InvariantCulture,
                $"Gamma-Gamma q = {parameters.Q:G4} ≤ 1: spend is too heavy-tailed for a finite population mean; using observed means.")),
            _ => (SpendModelStatus.Fitted, (string?)null),
        };
        return new GammaGammaFit(status, parameters, outcome.LogLikelihood, repeaters.Count, outcome.Iterations, observedMean, problem);
    }

    /// <summary>p = 1, q = 2 and γ = the observed mean, so the starting population mean pγ/(q−1) equals the observed one.</summary>
    private static double[] StartingPoint(double observedMean) =>
        [0, Math.Log(2), Math.Log(Math.Max(observedMean, 1e-9))];
}

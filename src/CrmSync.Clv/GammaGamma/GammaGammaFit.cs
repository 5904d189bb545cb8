using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.GammaGamma;

public enum SpendModelStatus
{
    /// <summary>Fitted with q &gt; 1: expected values come from the model.</summary>
    Fitted,

    /// <summary>Fewer repeaters with a positive repeat value than <see cref="Fitting.FitOptions.MinimumRepeaters"/>.</summary>
    TooFewRepeaters,

    /// <summary>The optimizer did not converge.</summary>
    NotConverged,

    /// <summary>Fitted, but q ≤ 1: the population mean spend pγ/(q−1) is infinite, so the model is not used.</summary>
    QNotAboveOne,
}

/// <summary>
/// A Gamma-Gamma fit, or the reason there is none. When <see cref="Status"/> is not <see cref="SpendModelStatus.Fitted"/>
/// expected values fall back to observed means: a repeater's own mean repeat value, and for customers without repeat
/// purchases the mean of the repeaters' means (<see cref="ObservedMeanValue"/>). Never negative, never infinite.
/// </summary>
/// <param name="Parameters">The estimates (also when q ≤ 1 or not converged, for the report); null when too few repeaters.</param>
/// <param name="LogLikelihood">Summed over the repeaters used; null when there is no fit.</param>
/// <param name="Repeaters">Repeaters with a positive mean repeat value, the customers the model is fitted on.</param>
/// <param name="Problem">Why the model is not used, in words; null when it is.</param>
public sealed record GammaGammaFit(
    SpendModelStatus Status,
    GammaGammaParameters? Parameters,
    double? LogLikelihood,
    int Repeaters,
    int Iterations,
    double ObservedMeanValue,
    string? Problem)
{
    /// <summary>The expected value of this customer's future purchases (model, or the documented fallback).</summary>
    public double ExpectedAverageValue(PurchaseHistory history)
    {
        if (Status == SpendModelStatus.Fitted && Parameters is not null)
        {
            return Parameters.ConditionalExpectedValue(history.RepeatPurchases, history.MeanRepeatValue);
        }

        return history.RepeatPurchases > 0 && history.MeanRepeatValue > 0 ? history.MeanRepeatValue : ObservedMeanValue;
    }
}

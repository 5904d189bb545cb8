namespace CrmSync.Clv.GammaGamma;

/// <summary>
/// Gamma-Gamma spend parameters (Fader &amp; Hardie 2013): each purchase's value ~ Gamma(shape p, rate ν) with the
/// customer's ν ~ Gamma(shape q, rate γ), so a customer's mean value is p/ν and the population mean pγ/(q−1) (q &gt; 1).
/// </summary>
public sealed record GammaGammaParameters(double P, double Q, double Gamma)
{
    /// <summary>
    /// E[M | x, m] = p(γ + x·m) / (px + q − 1) (Fader &amp; Hardie 2013, eq. 5): a weighted mean of the population mean
    /// pγ/(q−1) and the customer's observed mean m. Finite and positive when px + q &gt; 1.
    /// </summary>
    public double ConditionalExpectedValue(int repeatPurchases, double meanRepeatValue) =>
        P * (Gamma + (repeatPurchases * Math.Max(meanRepeatValue, 0))) / ((P * repeatPurchases) + Q - 1);

    /// <summary>Natural log of f(m | x) for one repeater (m &gt; 0, x ≥ 1).</summary>
    public double LogLikelihood(int repeatPurchases, double meanRepeatValue) =>
        new GammaGammaLikelihood([(repeatPurchases, meanRepeatValue)]).Evaluate([Math.Log(P), Math.Log(Q), Math.Log(Gamma)], new double[3]);
}

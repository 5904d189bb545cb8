using CrmSync.Clv.Fitting;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.BgNbd;

/// <summary>
/// BG/NBD parameters (Fader, Hardie &amp; Lee 2005): while active a customer buys at rate λ ~ Gamma(shape r, rate α);
/// after each purchase they drop out with probability p ~ Beta(a, b). Rates are per unit of the fit's time unit.
/// </summary>
public sealed record BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>Natural log of the likelihood of one customer's history (FHL 2005, eq. 6).</summary>
    public double LogLikelihood(PurchaseHistory history) => new BgNbdLikelihood([history]).Evaluate(LogValues(), new double[4]);

    /// <summary>
    /// P(alive at T | x, tₓ, T) = 1 / (1 + [x&gt;0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (FHL 2005, eq. 13).
    /// </summary>
    public double ProbabilityAlive(PurchaseHistory history)
    {
        var x = history.RepeatPurchases;
        if (x == 0)
        {
            return 1;
        }

        var logOdds = Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * (Math.Log(Alpha + history.Age) - Math.Log(Alpha + history.Recency)));
        return logOdds > 0 ? Math.Exp(-logOdds) / (1 + Math.Exp(-logOdds)) : 1 / (1 + Math.Exp(logOdds));
    }

    /// <summary>
    /// E[purchases in (T, T+t] | x, tₓ, T] (FHL 2005, eq. 10) = P(alive) · E over the posterior λ ~ Gamma(r+x, α+T),
    /// p ~ Beta(a, b+x) of (1 − e^(−λpt)) / p.
    /// </summary>
    public double ExpectedPurchases(PurchaseHistory history, double t) =>
        t <= 0 ? 0 : ProbabilityAlive(history) * ExpectedPurchasesIfAlive(R + history.RepeatPurchases, Alpha + history.Age, B + history.RepeatPurchases, t);

    /// <summary>E[X(t)]: purchases expected in (0, t] of a customer just acquired (FHL 2005, eq. 9).</summary>
    public double ExpectedPurchasesOfNewCustomer(double t) => t <= 0 ? 0 : ExpectedPurchasesIfAlive(R, Alpha, B, t);

    internal double[] LogValues() => [Math.Log(R), Math.Log(Alpha), Math.Log(A), Math.Log(B)];

    /// <summary>
    /// (a+b'−1)/(a−1) · [1 − (α'/(α'+t))^r' ₂F₁(r', b'; a+b'−1; t/(α'+t))], evaluated as [c − (1−z)^r' (c + S)]/(a−1)
    /// with c·₂F₁ = c + S (<see cref="Hypergeometric.LogScaledTail"/>); where that is ill-conditioned (a within 1e-4 of 1,
    /// or t ≫ α' so that z &gt; 0.99) the same expectation by quadrature over the posterior p ~ Beta(a, b').
    /// </summary>
    private double ExpectedPurchasesIfAlive(double r, double alpha, double b, double t)
    {
        var c = A + b - 1;
        var z = t / (alpha + t);
        if (z > 0.99 || Math.Abs(A - 1) < 1e-4)
        {
            return BetaQuadrature.Expectation(p => -StableMath.Expm1(-r * StableMath.Log1P(p * t / alpha)) / p, A, b);
        }

        var logSurvival = r * Math.Log(alpha / (alpha + t));
        var bracket = (c * -StableMath.Expm1(logSurvival)) - Math.Exp(logSurvival + Hypergeometric.LogScaledTail(r, b, c, z));
        return bracket / (A - 1);
    }
}

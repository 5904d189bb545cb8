namespace CrmSync.Clv.Fitting;

/// <summary>How hard a maximum-likelihood fit tries, and what data it refuses.</summary>
/// <param name="MaxIterations">BFGS iterations before the fit is declared not converged.</param>
/// <param name="GradientTolerance">Converged when every derivative of the mean log-likelihood per customer, by log-parameter, is at most this (BFGS aims 1000× lower).</param>
/// <param name="MinimumRepeaters">Fewer customers with a repeat purchase than this: too few to fit (BG/NBD throws, Gamma-Gamma falls back).</param>
public sealed record FitOptions(int MaxIterations = 1000, double GradientTolerance = 1e-6, int MinimumRepeaters = 10)
{
    public static FitOptions Default { get; } = new();
}

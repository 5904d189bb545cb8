namespace CrmSync.Clv.BgNbd;

/// <summary>The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 and c &gt; 0, by its power series.</summary>
internal static class Hypergeometric
{
    private const double Rescale = 1e280;
    private const int MaxTerms = 1_000_000;

    /// <summary>ln ₂F₁(a, b; c; z), summed with rescaling so that large a, b (many purchases) do not overflow.</summary>
    public static double Log2F1(double a, double b, double c, double z)
    {
        if (!(z >= 0 && z < 1) || !(c > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(z), $"2F1 series needs 0 ≤ z < 1 and c > 0 (z = {z}, c = {c}).");
        }

        double term = 1, sum = 1, logScale = 0;
        for (var k = 0; k < MaxTerms; k++)
        {
            var ratio = (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            term *= ratio;
            sum += term;
            if (ratio < 1 && term <= sum * 1e-17)
            {
                return Math.Log(sum) + logScale;
            }

            if (sum > Rescale)
            {
                sum /= Rescale;
                term /= Rescale;
                logScale += Math.Log(Rescale);
            }
        }

        throw new ArithmeticException($"2F1({a}, {b}; {c}; {z}) did not converge in {MaxTerms} terms.");
    }
}

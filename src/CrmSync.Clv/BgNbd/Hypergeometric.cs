namespace CrmSync.Clv.BgNbd;

/// <summary>The Gauss hypergeometric series ₂F₁(a, b; c; z) for 0 &lt; z &lt; 1, in the form the BG/NBD expectation needs.</summary>
internal static class Hypergeometric
{
    private const double Rescale = 1e280;
    private const int MaxTerms = 1_000_000;

    /// <summary>
    /// ln S where c·₂F₁(a, b; c; z) = c + S, S = Σ_{k≥1} (a)_k (b)_k z^k / ((c+1)_{k−1} k!). Multiplying by c removes
    /// the pole of ₂F₁ at c = 0, so any c &gt; −1 works (BG/NBD has c = a + b + x − 1 &gt; −1). Summed with rescaling so
    /// that large a, b (many purchases) do not overflow.
    /// </summary>
    public static double LogScaledTail(double a, double b, double c, double z)
    {
        if (!(z > 0 && z < 1) || !(c > -1) || !(a > 0) || !(b > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(z), $"The 2F1 series needs 0 < z < 1, c > -1 and a, b > 0 (a = {a}, b = {b}, c = {c}, z = {z}).");
        }

        double term = a * b * z, sum = term, logScale = 0;
        for (var k = 1; k < MaxTerms; k++)
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

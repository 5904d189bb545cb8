using CrmSync.Clv.Fitting;
using static MathNet.Numerics.SpecialFunctions;

namespace CrmSync.Clv.GammaGamma;

/// <summary>
/// The Gamma-Gamma log-likelihood of repeaters' mean repeat values m given their repeat counts x (Fader &amp; Hardie 2013, eq. 4):
/// ln f(m | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + x m).
/// Terms that depend on x only are computed once per distinct x.
/// </summary>
internal sealed class GammaGammaLikelihood : ILogLikelihood
{
    private readonly int[] xIndex;
    private readonly double[] meanValue;
    private readonly double[] logMeanValue;
    private readonly int[] distinctX;
    private readonly int[] customersWithX;

    /// <param name="repeaters">(x ≥ 1, m &gt; 0) pairs.</param>
    public GammaGammaLikelihood(IReadOnlyList<(int X, double Mean)> repeaters)
    {
        var slots = new Dictionary<int, int>();
        var xs = new List<int>();
        var counts = new List<int>();
        xIndex = new int[repeaters.Count];
        meanValue = new double[repeaters.Count];
        logMeanValue = new double[repeaters.Count];
        for (var i = 0; i < repeaters.Count; i++)
        {
            var (x, mean) = repeaters[i];
            if (!slots.TryGetValue(x, out var slot))
            {
                slot = xs.Count;
                slots.Add(x, slot);
                xs.Add(x);
                counts.Add(0);
            }

            counts[slot]++;
            xIndex[i] = slot;
            meanValue[i] = mean;
            logMeanValue[i] = Math.Log(mean);
        }

        distinctX = xs.ToArray();
        customersWithX = counts.ToArray();
    }

    public int Count => xIndex.Length;

    public double Evaluate(ReadOnlySpan<double> logParameters, Span<double> gradient)
    {
        double p = Math.Exp(logParameters[0]), q = Math.Exp(logParameters[1]), gamma = Math.Exp(logParameters[2]);
        Span<double> sums = stackalloc double[4];
        ParallelSum.Run(Count, 4, (from, to, s) => AccumulateCustomers(p, q, gamma, from, to, s), sums);
        double logGammaQ = GammaLn(q), digammaQ = DiGamma(q), logGamma = Math.Log(gamma);
        for (var k = 0; k < distinctX.Length; k++)
        {
            var n = customersWithX[k];
            var x = (double)distinctX[k];
            var px = p * x;
            var digammaSum = DiGamma(px + q);
            sums[0] += n * (GammaLn(px + q) - GammaLn(px) - logGammaQ + (q * logGamma) + (px * Math.Log(x)));
            sums[1] += n * x * (digammaSum - DiGamma(px) + Math.Log(x));
            sums[2] += n * (digammaSum - digammaQ + logGamma);
            sums[3] += n * q / gamma;
        }

        gradient[0] = sums[1] * p;
        gradient[1] = sums[2] * q;
        gradient[2] = sums[3] * gamma;
        return sums[0];
    }

    private void AccumulateCustomers(double p, double q, double gamma, int from, int to, double[] sums)
    {
        double ll = 0, dp = 0, dq = 0, dgamma = 0;
        for (var i = from; i < to; i++)
        {
            var x = (double)distinctX[xIndex[i]];
            var px = p * x;
            var pooled = gamma + (x * meanValue[i]);
            var logPooled = Math.Log(pooled);
            ll += ((px - 1) * logMeanValue[i]) - ((px + q) * logPooled);
            dp += x * (logMeanValue[i] - logPooled);
            dq -= logPooled;
            dgamma -= (px + q) / pooled;
        }

        sums[0] += ll;
        sums[1] += dp;
        sums[2] += dq;
        sums[3] += dgamma;
    }
}

using CrmSync.Clv.Fitting;
using CrmSync.Clv.Rfm;
using static MathNet.Numerics.SpecialFunctions;

namespace CrmSync.Clv.BgNbd;

/// <summary>
/// The BG/NBD log-likelihood (Fader, Hardie &amp; Lee 2005, eq. 6) in log-space, without any hypergeometric function:
/// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
///        + logsumexp( −(r+x) ln(α+T),  [x&gt;0] ( ln a − ln(b+x−1) − (r+x) ln(α+tₓ) ) ).
/// Terms that depend only on x are computed once per distinct x, so each evaluation costs a few logarithms per customer.
/// </summary>
internal sealed class BgNbdLikelihood : ILogLikelihood
{
    private readonly int[] xIndex;
    private readonly double[] recency;
    private readonly double[] age;
    private readonly double[] weight;
    private readonly int[] distinctX;
    private readonly int[] customersWithX;

    /// <summary>Customers with the same (x, tₓ, T) are one weighted row: with dates in days most customers without repeat purchases share a T.</summary>
    public BgNbdLikelihood(IReadOnlyList<PurchaseHistory> histories)
    {
        Count = histories.Count;
        var rows = new Dictionary<(int X, double Recency, double Age), int>();
        var weights = new List<double>();
        var slots = new Dictionary<int, int>();
        var xs = new List<int>();
        var counts = new List<int>();
        var rowX = new List<int>();
        var rowRecency = new List<double>();
        var rowAge = new List<double>();
        for (var i = 0; i < histories.Count; i++)
        {
            var history = histories[i];
            history.Validate(i);
            if (!slots.TryGetValue(history.RepeatPurchases, out var slot))
            {
                slot = xs.Count;
                slots.Add(history.RepeatPurchases, slot);
                xs.Add(history.RepeatPurchases);
                counts.Add(0);
            }

            counts[slot]++;
            if (rows.TryGetValue((history.RepeatPurchases, history.Recency, history.Age), out var row))
            {
                weights[row]++;
                continue;
            }

            rows.Add((history.RepeatPurchases, history.Recency, history.Age), weights.Count);
            weights.Add(1);
            rowX.Add(slot);
            rowRecency.Add(history.Recency);
            rowAge.Add(history.Age);
        }

        xIndex = rowX.ToArray();
        recency = rowRecency.ToArray();
        age = rowAge.ToArray();
        weight = weights.ToArray();
        distinctX = xs.ToArray();
        customersWithX = counts.ToArray();
    }

    public int Count { get; }

    public double Evaluate(ReadOnlySpan<double> logParameters, Span<double> gradient)
    {
        var p = new BgNbdParameters(Math.Exp(logParameters[0]), Math.Exp(logParameters[1]), Math.Exp(logParameters[2]), Math.Exp(logParameters[3]));
        var terms = PerXTerms.Of(p, distinctX);
        Span<double> sums = stackalloc double[5];
        ParallelSum.Run(xIndex.Length, 5, (from, to, s) => AccumulateCustomers(p, terms, from, to, s), sums);

        // Terms that depend on x only, weighted by how many customers share each x.
        for (var k = 0; k < distinctX.Length; k++)
        {
            var n = customersWithX[k];
            sums[0] += n * terms.Constant[k];
            sums[1] += n * terms.DR[k];
            sums[3] += n * terms.DA[k];
            sums[4] += n * terms.DB[k];
        }

        sums[2] += Count * p.R / p.Alpha;
        gradient[0] = sums[1] * p.R;
        gradient[1] = sums[2] * p.Alpha;
        gradient[2] = sums[3] * p.A;
        gradient[3] = sums[4] * p.B;
        return sums[0];
    }

    /// <summary>Adds the customer-dependent parts of ln L and of ∂/∂r, ∂/∂α, ∂/∂a, ∂/∂b for customers [from, to).</summary>
    private void AccumulateCustomers(BgNbdParameters p, PerXTerms terms, int from, int to, double[] sums)
    {
        double ll = 0, dr = 0, dalpha = 0, da = 0, db = 0;
        for (var i = from; i < to; i++)
        {
            var k = xIndex[i];
            var n = weight[i];
            var rx = p.R + distinctX[k];
            var logAgeTerm = Math.Log(p.Alpha + age[i]);
            var aliveTerm = -rx * logAgeTerm;
            if (distinctX[k] == 0)
            {
                ll += n * aliveTerm;
                dr -= n * logAgeTerm;
                dalpha -= n * rx / (p.Alpha + age[i]);
                continue;
            }

            var logRecencyTerm = Math.Log(p.Alpha + recency[i]);
            var droppedTerm = terms.LogDropOdds[k] - rx * logRecencyTerm;

            // logsumexp of the two terms, and the share w of the "dropped out after the last purchase" term.
            var d = droppedTerm - aliveTerm;
            double w;
            if (d < 0)
            {
                var e = Math.Exp(d);
                ll += n * (aliveTerm + StableMath.Log1P(e));
                w = e / (1 + e);
            }
            else
            {
                var e = Math.Exp(-d);
                ll += n * (droppedTerm + StableMath.Log1P(e));
                w = 1 / (1 + e);
            }

            dr -= n * (((1 - w) * logAgeTerm) + (w * logRecencyTerm));
            dalpha -= n * rx * (((1 - w) / (p.Alpha + age[i])) + (w / (p.Alpha + recency[i])));
            da += n * w / p.A;
            db -= n * w / (p.B + distinctX[k] - 1);
        }

        sums[0] += ll;
        sums[1] += dr;
        sums[2] += dalpha;
        sums[3] += da;
        sums[4] += db;
    }

    /// <summary>The parts of ln L and its derivatives that depend on x (and the parameters) only.</summary>
    private sealed record PerXTerms(double[] Constant, double[] DR, double[] DA, double[] DB, double[] LogDropOdds)
    {
        public static PerXTerms Of(BgNbdParameters p, int[] xs)
        {
            var terms = new PerXTerms(new double[xs.Length], new double[xs.Length], new double[xs.Length], new double[xs.Length], new double[xs.Length]);
            double logGammaR = GammaLn(p.R), digammaR = DiGamma(p.R), logAlpha = Math.Log(p.Alpha);
            double logGammaB = GammaLn(p.B), digammaB = DiGamma(p.B), logGammaAB = GammaLn(p.A + p.B), digammaAB = DiGamma(p.A + p.B);
            for (var k = 0; k < xs.Length; k++)
            {
                var x = xs[k];
                var logBetaRatio = logGammaAB + GammaLn(p.B + x) - logGammaB - GammaLn(p.A + p.B + x);
                terms.Constant[k] = GammaLn(p.R + x) - logGammaR + (p.R * logAlpha) + logBetaRatio;
                terms.DR[k] = DiGamma(p.R + x) - digammaR + logAlpha;
                terms.DA[k] = digammaAB - DiGamma(p.A + p.B + x);
                terms.DB[k] = digammaAB + DiGamma(p.B + x) - digammaB - DiGamma(p.A + p.B + x);
                terms.LogDropOdds[k] = x > 0 ? Math.Log(p.A) - Math.Log(p.B + x - 1) : double.NegativeInfinity;
            }

            return terms;
        }
    }
}

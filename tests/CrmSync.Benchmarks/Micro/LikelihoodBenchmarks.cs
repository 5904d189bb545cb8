using BenchmarkDotNet.Attributes;
using CrmSync.Clv;
using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;

namespace CrmSync.Benchmarks.Micro;

/// <summary>
/// One evaluation of each model's log-likelihood with its gradient, as the maximum-likelihood fit calls it (tens to
/// hundreds of times per fit), over the CDNOW sample (2,357 customers).
/// </summary>
[MemoryDiagnoser]
public class LikelihoodBenchmarks
{
    private readonly double[] bgNbdGradient = new double[4];
    private readonly double[] gammaGammaGradient = new double[3];
    private BgNbdLikelihood bgNbd = null!;
    private GammaGammaLikelihood gammaGamma = null!;
    private double[] bgNbdAt = [];
    private double[] gammaGammaAt = [];

    [GlobalSetup]
    public void Setup()
    {
        var cdnow = RfmSummary.FromTransactions(ClvBenchmark.ReadCdnow(), new DateOnly(1997, 9, 30), TimeUnit.Week);
        bgNbd = new BgNbdLikelihood(cdnow.Histories);
        gammaGamma = new GammaGammaLikelihood(cdnow.Histories.Where(h => h.RepeatPurchases > 0).Select(h => (h.RepeatPurchases, h.MeanRepeatValue)).ToList());

        // At the published CDNOW estimates (r, α, a, b; p, q, γ), as logarithms.
        bgNbdAt = [Math.Log(0.2426), Math.Log(4.4136), Math.Log(0.7929), Math.Log(2.4259)];
        gammaGammaAt = [Math.Log(6.25), Math.Log(3.74), Math.Log(15.44)];
    }

    [Benchmark(Description = "BG/NBD log-likelihood + gradient, 2,357 customers")]
    public double BgNbd() => bgNbd.Evaluate(bgNbdAt, bgNbdGradient);

    [Benchmark(Description = "Gamma-Gamma log-likelihood + gradient, 946 repeaters")]
    public double GammaGamma() => gammaGamma.Evaluate(gammaGammaAt, gammaGammaGradient);
}

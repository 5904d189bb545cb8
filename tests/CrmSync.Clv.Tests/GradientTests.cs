using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Tests;

/// <summary>The analytic gradients against central finite differences of the log-likelihood, at ordinary and extreme points.</summary>
public sealed class GradientTests
{
    private static readonly PurchaseHistory[] Histories =
    [
        new(0, 0, 38.86, 0),
        new(0, 0, 0, 0),
        new(1, 1.71, 38.86, 11.77),
        new(2, 30.43, 38.86, 22.35),
        new(14, 29.43, 38.86, 76.13),
        new(400, 51.9, 52, 3.5),
        new(3, 10, 10, 1e4),
        new(3, 10, 10, 1e4),
    ];

    [Theory]
    [InlineData(0.2426, 4.4137, 0.7929, 2.4262)]
    [InlineData(0.01, 100, 0.05, 50)]
    [InlineData(30, 0.5, 8, 0.3)]
    [InlineData(1, 1, 1, 1)]
    public void BgNbd_gradient_matches_finite_differences(double r, double alpha, double a, double b) =>
        AssertGradient(new BgNbdLikelihood(Histories), [Math.Log(r), Math.Log(alpha), Math.Log(a), Math.Log(b)]);

    [Theory]
    [InlineData(6.25, 3.74, 15.44)]
    [InlineData(0.05, 0.9, 1e-3)]
    [InlineData(80, 40, 5e4)]
    public void GammaGamma_gradient_matches_finite_differences(double p, double q, double gamma) =>
        AssertGradient(
            new GammaGammaLikelihood(Histories.Where(h => h.RepeatPurchases > 0).Select(h => (h.RepeatPurchases, h.MeanRepeatValue)).ToArray()),
            [Math.Log(p), Math.Log(q), Math.Log(gamma)]);

    private static void AssertGradient(ILogLikelihood likelihood, double[] point)
    {
        var analytic = new double[point.Length];
        likelihood.Evaluate(point, analytic);
        for (var i = 0; i < point.Length; i++)
        {
            const double step = 1e-5;
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[i] += step;
            down[i] -= step;
            var scratch = new double[point.Length];
            var numeric = (likelihood.Evaluate(up, scratch) - likelihood.Evaluate(down, scratch)) / (2 * step);
            Assert.True(
                Math.Abs(numeric - analytic[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"parameter {i}: analytic {analytic[i]}, finite difference {numeric}");
        }
    }
}

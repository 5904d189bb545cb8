using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;
using CrmSync.Clv.Simulation;
using MathNet.Numerics.LinearAlgebra;

namespace CrmSync.Clv.Tests;

/// <summary>
/// Data simulated from known parameters are fitted back: every estimate lies within 4 standard errors of the truth
/// (standard errors from the observed information, by finite differences of the gradient), the standard errors are
/// small enough for that to mean something, and the fit's likelihood is at least the truth's.
/// </summary>
public sealed class RecoveryTests
{
    public static TheoryData<string, double[], double[], double, double, int> ParameterSets => new()
    {
        // name, BG/NBD r α a b, Gamma-Gamma p q γ, longest T, spread of first purchases, customers
        { "CDNOW-like", [0.243, 4.414, 0.793, 2.426], [6.25, 3.74, 15.44], 39, 12, 30_000 },
        { "frequent, loyal", [2, 4, 0.5, 10], [2, 5, 100], 52, 52, 30_000 },
        { "rare buyers who churn fast", [0.05, 1, 3, 1], [20, 1.5, 2], 39, 12, 120_000 },
        { "many purchases, almost no churn", [5, 10, 0.1, 50], [1, 30, 500], 100, 50, 30_000 },
        { "a = 1 exactly", [1, 2, 1, 3], [3, 2.2, 50], 60, 40, 30_000 },
        { "b below 1, long history", [0.5, 20, 0.3, 0.7], [0.5, 8, 20], 200, 150, 30_000 },
    };

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Simulated_customers_are_fitted_back(string name, double[] purchase, double[] spend, double maxAge, double spread, int customers)
    {
        var truth = new BgNbdParameters(purchase[0], purchase[1], purchase[2], purchase[3]);
        var spendTruth = new GammaGammaParameters(spend[0], spend[1], spend[2]);
        var random = new Random(name.Length * 7919);
        var ages = Enumerable.Range(0, customers).Select(_ => maxAge - (random.NextDouble() * spread)).ToArray();
        var histories = BtydSimulator.Simulate(truth, spendTruth, ages, random);

        var fit = BgNbdModel.Fit(histories, TimeUnit.Week);
        var bgnbd = new BgNbdLikelihood(histories);
        AssertWithinStandardErrors(bgnbd, fit.Parameters.LogValues(), truth.LogValues(), maxStandardError: 0.3);
        Assert.True(fit.LogLikelihood >= bgnbd.Evaluate(truth.LogValues(), new double[4]));

        var spendFit = GammaGammaModel.Fit(histories);
        Assert.Equal(SpendModelStatus.Fitted, spendFit.Status);
        var gammaGamma = new GammaGammaLikelihood(histories.Where(h => h.RepeatPurchases > 0).Select(h => (h.RepeatPurchases, h.MeanRepeatValue)).ToArray());
        var spendLog = new[] { Math.Log(spendFit.Parameters!.P), Math.Log(spendFit.Parameters.Q), Math.Log(spendFit.Parameters.Gamma) };
        AssertWithinStandardErrors(gammaGamma, spendLog, [Math.Log(spend[0]), Math.Log(spend[1]), Math.Log(spend[2])], maxStandardError: 0.3);
    }

    private static void AssertWithinStandardErrors(ILogLikelihood likelihood, double[] estimate, double[] truth, double maxStandardError)
    {
        var standardErrors = StandardErrors(likelihood, estimate);
        for (var i = 0; i < estimate.Length; i++)
        {
            var message = $"log-parameter {i}: estimate {estimate[i]:F4}, truth {truth[i]:F4}, standard error {standardErrors[i]:F4}";
            Assert.True(standardErrors[i] < maxStandardError, message);
            Assert.True(Math.Abs(estimate[i] - truth[i]) <= 4 * standardErrors[i], message);
        }
    }

    private static double[] StandardErrors(ILogLikelihood likelihood, double[] point)
    {
        var n = point.Length;
        var hessian = Matrix<double>.Build.Dense(n, n);
        const double step = 1e-4;
        for (var j = 0; j < n; j++)
        {
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[j] += step;
            down[j] -= step;
            var gradientUp = new double[n];
            var gradientDown = new double[n];
            likelihood.Evaluate(up, gradientUp);
            likelihood.Evaluate(down, gradientDown);
            for (var i = 0; i < n; i++)
            {
                hessian[i, j] = -(gradientUp[i] - gradientDown[i]) / (2 * step);
            }
        }

        var covariance = ((hessian + hessian.Transpose()) / 2).Inverse();
        return Enumerable.Range(0, n).Select(i => Math.Sqrt(covariance[i, i])).ToArray();
    }
}

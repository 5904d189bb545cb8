using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;
using CrmSync.Clv.Simulation;
using MathNet.Numerics;

namespace CrmSync.Clv.Tests;

public sealed class GammaGammaTests
{
    /// <summary>Hardie's Gamma-Gamma spreadsheet (note 025) for the first ten CDNOW customers, as lifetimes' tests quote it.</summary>
    [Fact]
    public void Conditional_expected_values_match_the_published_cdnow_values()
    {
        var summary = Cdnow.CalibrationWeeks();
        var fit = GammaGammaModel.Fit(summary);
        double[] published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];

        for (var id = 1; id <= 10; id++)
        {
            var history = summary.Customers.Single(c => c.CustomerId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).History;
            Assert.Equal(published[id - 1], fit.ExpectedAverageValue(history), 0.01);
        }
    }

    [Theory]
    [InlineData(6.25, 3.74, 15.44, 1, 11.77)]
    [InlineData(6.25, 3.74, 15.44, 7, 73.74)]
    [InlineData(0.3, 1.2, 0.5, 2, 1000)]
    [InlineData(50, 60, 4000, 120, 80)]
    public void Conditional_expectation_matches_the_posterior_integrated_numerically(double p, double q, double gamma, int x, double mean)
    {
        // Posterior of the customer's rate ν given m: ∝ ν^(q−1) e^(−γν) · ν^(px) e^(−ν·x·m); a purchase's expected value is p/ν.
        var shape = q + (p * x);
        var rate = gamma + (x * mean);
        var mode = (shape - 1) / rate;
        double Density(double nu) => Math.Exp(((shape - 1) * Math.Log(nu / mode)) - (rate * (nu - mode)));  // 1 at the mode
        var spread = 40 * Math.Sqrt(shape) / rate;
        var (from, to) = (Math.Max(0, mode - spread), mode + spread);
        var normaliser = Integrate.DoubleExponential(Density, from, to, 1e-14);
        var expected = Integrate.DoubleExponential(nu => p / nu * Density(nu), from, to, 1e-14) / normaliser;

        Assert.Equal(expected, new GammaGammaParameters(p, q, gamma).ConditionalExpectedValue(x, mean), expected * 1e-7);
    }

    [Fact]
    public void Heavy_tailed_spend_with_q_at_most_1_falls_back_to_observed_means()
    {
        var random = new Random(11);
        var histories = BtydSimulator.Simulate(new BgNbdParameters(2, 4, 0.5, 10), new GammaGammaParameters(3, 0.6, 10), Enumerable.Repeat(52.0, 5_000).ToArray(), random);

        var fit = GammaGammaModel.Fit(histories);

        Assert.Equal(SpendModelStatus.QNotAboveOne, fit.Status);
        Assert.True(fit.Parameters!.Q <= 1);
        Assert.Contains("q = ", fit.Problem, StringComparison.Ordinal);
        var repeater = histories.First(h => h.RepeatPurchases > 0);
        Assert.Equal(repeater.MeanRepeatValue, fit.ExpectedAverageValue(repeater));
        var newcomer = new PurchaseHistory(0, 0, 52, 0);
        Assert.Equal(histories.Where(h => h.RepeatPurchases > 0).Average(h => h.MeanRepeatValue), fit.ExpectedAverageValue(newcomer), 1e-9);
        Assert.All(histories, h => Assert.True(double.IsFinite(fit.ExpectedAverageValue(h)) && fit.ExpectedAverageValue(h) >= 0));
    }

    [Fact]
    public void Too_few_repeaters_fall_back_and_repeaters_without_value_are_not_fitted()
    {
        PurchaseHistory[] histories = [new(0, 0, 10, 0), new(2, 5, 10, 30), new(1, 2, 10, 10), new(3, 4, 10, 0)];

        var fit = GammaGammaModel.Fit(histories);

        Assert.Equal(SpendModelStatus.TooFewRepeaters, fit.Status);
        Assert.Equal(2, fit.Repeaters);
        Assert.Null(fit.Parameters);
        Assert.Equal(20, fit.ExpectedAverageValue(histories[0]));
        Assert.Equal(30, fit.ExpectedAverageValue(histories[1]));
        Assert.Equal(20, fit.ExpectedAverageValue(histories[3]));
    }
}

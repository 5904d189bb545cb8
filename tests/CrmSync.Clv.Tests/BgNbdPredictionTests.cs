using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Rfm;
using CrmSync.Clv.Simulation;
using MathNet.Numerics;

namespace CrmSync.Clv.Tests;

public sealed class BgNbdPredictionTests
{
    private static readonly Lazy<BgNbdParameters> CdnowFit = new(() => BgNbdModel.Fit(Cdnow.CalibrationWeeks()).Parameters);

    /// <summary>
    /// Hardie's BG/NBD spreadsheet for CDNOW (the values lifetimes' tests also use). It sums ₂F₁ to a fixed number of
    /// terms, which at t = 78 (z ≈ 0.95) leaves it 3.5e-4 short of the exact value: hence the 5e-4 tolerance.
    /// </summary>
    [Theory]
    [InlineData(0.1429, 0.0078)]
    [InlineData(1.0, 0.0532)]
    [InlineData(3.0, 0.1506)]
    [InlineData(31.8571, 1.0405)]
    [InlineData(32.0, 1.0437)]
    [InlineData(78.0, 1.8576)]
    public void Expected_purchases_of_a_new_customer_match_the_published_cdnow_values(double weeks, double published) =>
        Assert.Equal(published, CdnowFit.Value.ExpectedPurchasesOfNewCustomer(weeks), 5e-4);

    [Fact]
    public void Conditional_expectation_matches_the_published_cdnow_example() =>
        // FHL 2005: a customer with x = 2, tx = 30.43, T = 38.86 weeks is expected to make 1.226 purchases in the next 39 weeks.
        Assert.Equal(1.226, CdnowFit.Value.ExpectedPurchases(new PurchaseHistory(2, 30.43, 38.86, 0), 39), 5e-4);

    [Theory]
    [InlineData(0.2426, 4.4137, 0.7929, 2.4262, 2, 30.43, 38.86, 39)]
    [InlineData(0.2426, 4.4137, 0.7929, 2.4262, 0, 0, 38.86, 52)]
    [InlineData(0.2426, 4.4137, 0.7929, 2.4262, 25, 27.29, 36.86, 39)]
    [InlineData(2, 4, 1.00001, 10, 3, 20, 30, 52)]
    [InlineData(0.5, 0.01, 0.3, 0.4, 0, 0, 0.5, 52)]
    [InlineData(5, 10, 0.1, 50, 300, 99, 100, 365)]
    [InlineData(0.05, 1, 3, 1, 1, 0.2, 39, 10)]
    public void Predictions_match_the_individual_level_model_integrated_numerically(
        double r, double alpha, double a, double b, int x, double recency, double age, double t)
    {
        var parameters = new BgNbdParameters(r, alpha, a, b);
        var history = new PurchaseHistory(x, recency, age, 0);
        var (alive, expected) = IntegrateIndividualModel(parameters, history, t);

        Assert.Equal(alive, parameters.ProbabilityAlive(history), 1e-8);
        Assert.Equal(expected, parameters.ExpectedPurchases(history, t), Math.Max(1e-8, 1e-6 * expected));
    }

    /// <summary>Reference values computed independently with SciPy 1.10 (hyp2f1 closed form, confirmed by quad over p).</summary>
    [Theory]
    [InlineData(0.5, 0.01, 0.3, 0.4, 0, 0, 0.5, 52, 11.265197178036576)]
    [InlineData(5, 10, 0.1, 50, 300, 99, 100, 365, 927.7668758254761)]
    public void Expected_purchases_match_reference_values(double r, double alpha, double a, double b, int x, double recency, double age, double t, double reference) =>
        Assert.Equal(reference, new BgNbdParameters(r, alpha, a, b).ExpectedPurchases(new PurchaseHistory(x, recency, age, 0), t), reference * 1e-9);

    [Fact]
    public void Predictions_are_calibrated_on_customers_simulated_from_the_same_parameters()
    {
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        var random = new Random(2005);
        var ages = Enumerable.Range(0, 100_000).Select(_ => 39 - (random.NextDouble() * 12)).ToArray();
        var customers = BtydSimulator.SimulateWithFuture(parameters, ages, 39, random);

        AssertUnbiased(customers.Select(c => (c.AliveAtEnd ? 1.0 : 0.0) - parameters.ProbabilityAlive(c.History)).ToArray(), "P(alive)");
        foreach (var group in customers.GroupBy(c => Math.Min(c.History.RepeatPurchases, 3)))
        {
            AssertUnbiased(group.Select(c => c.FuturePurchases - parameters.ExpectedPurchases(c.History, 39)).ToArray(), $"purchases in the next 39 weeks, x = {group.Key}+");
        }
    }

    [Fact]
    public void Probability_alive_stays_in_0_1_for_extreme_histories()
    {
        var parameters = new BgNbdParameters(0.2426, 4.4137, 0.7929, 2.4262);

        Assert.Equal(1, parameters.ProbabilityAlive(new PurchaseHistory(0, 0, 1e6, 0)));
        Assert.InRange(parameters.ProbabilityAlive(new PurchaseHistory(10_000, 1, 1e6, 0)), 0, 1e-300);
        // 10,000 purchases in a million weeks, the last one now: about 0.01 a week, and almost surely alive.
        Assert.InRange(parameters.ExpectedPurchases(new PurchaseHistory(10_000, 1e6, 1e6, 0), 52), 0.51, 0.53);
    }

    private static void AssertUnbiased(double[] errors, string what)
    {
        var mean = errors.Average();
        var standardError = Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / (errors.Length - 1) / errors.Length);
        Assert.True(Math.Abs(mean) <= 4 * standardError, $"{what}: mean error {mean:F5}, standard error {standardError:F5}");
    }

    /// <summary>
    /// P(alive) and E[Y(t)] straight from the individual-level model (FHL 2005, eqs. 3 and 7): given λ and p the data have
    /// likelihood (1−p)^x λ^x e^(−λT) [alive] + [x&gt;0] p(1−p)^(x−1) λ^x e^(−λtₓ) [dropped], and an alive customer makes
    /// (1 − e^(−λpt))/p purchases in t. λ is integrated out in closed form (Gamma integrals), p numerically against the
    /// Beta(a, b) prior.
    /// </summary>
    private static (double Alive, double Expected) IntegrateIndividualModel(BgNbdParameters p, PurchaseHistory h, double t)
    {
        double x = h.RepeatPurchases, rx = p.R + x;
        var droppedScale = Math.Pow((p.Alpha + h.Age) / (p.Alpha + h.Recency), rx);
        var alive = AgainstBetaPrior(q => Math.Pow(1 - q, x), p.A, p.B);
        var dropped = x > 0 ? AgainstBetaPrior(q => q * Math.Pow(1 - q, x - 1) * droppedScale, p.A, p.B) : 0;
        var purchases = AgainstBetaPrior(q => Math.Pow(1 - q, x) / q * OneMinusPowerOfInverse(q * t / (p.Alpha + h.Age), rx), p.A, p.B);
        return (alive / (alive + dropped), purchases / (alive + dropped));
    }

    /// <summary>∫₀¹ g(q) q^(a−1) (1−q)^(b−1) dq, split at ½ with q = u^(1/a) on the left and q = 1 − v^(1/b) on the right (no endpoint singularities), each by MathNet's adaptive rule.</summary>
    private static double AgainstBetaPrior(Func<double, double> g, double a, double b)
    {
        var left = Adaptive(u => { var q = Math.Pow(u, 1 / a); return q <= 0 ? 0 : g(q) * Math.Pow(1 - q, b - 1); }, Math.Pow(0.5, a)) / a;
        var right = Adaptive(v => { var q = 1 - Math.Pow(v, 1 / b); return q >= 1 ? 0 : g(q) * Math.Pow(q, a - 1); }, Math.Pow(0.5, b)) / b;
        return left + right;
    }

    /// <summary>1 − (1+y)^(−n); for small n·y by its binomial series, since much of a Beta(a &lt; 1) prior sits at p below 1e-16.</summary>
    private static double OneMinusPowerOfInverse(double y, double n) =>
        n * y < 1e-3 ? (n * y) - (n * (n + 1) / 2 * y * y) + (n * (n + 1) * (n + 2) / 6 * y * y * y) : 1 - Math.Pow(1 + y, -n);

    private static double Adaptive(Func<double, double> f, double end) => Integrate.OnClosedInterval(f, 0, end, 1e-13);
}

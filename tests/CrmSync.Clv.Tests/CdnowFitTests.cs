using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;

namespace CrmSync.Clv.Tests;

/// <summary>The published CDNOW estimates (Fader, Hardie &amp; Lee 2005; Fader &amp; Hardie 2013), each within 1e-3 relative.</summary>
public sealed class CdnowFitTests
{
    [Fact]
    public void The_calibration_summary_has_the_papers_customers_and_repeaters()
    {
        var summary = Cdnow.CalibrationWeeks();

        Assert.Equal(2357, summary.Customers.Count);
        Assert.Equal(946, summary.Customers.Count(c => c.RepeatPurchases > 0));

        // Rows of the published customer-by-sufficient-statistic table (ID, x, tx, T, zbar), rounded to 2 decimals there.
        AssertCustomer(summary, "1", 2, 30.43, 38.86, 22.35);
        AssertCustomer(summary, "2", 1, 1.71, 38.86, 11.77);
        AssertCustomer(summary, "3", 0, 0, 38.86, 0);
        AssertCustomer(summary, "6", 7, 29.43, 38.86, 73.74);
        AssertCustomer(summary, "157", 29, 37.71, 38.00, 26.26);
    }

    [Fact]
    public void BgNbd_reproduces_the_published_estimates()
    {
        var fit = BgNbdModel.Fit(Cdnow.CalibrationWeeks());

        Assert.True(fit.Converged);
        AssertRelative(0.24260, fit.Parameters.R);
        AssertRelative(4.4137, fit.Parameters.Alpha);
        AssertRelative(0.79290, fit.Parameters.A);
        AssertRelative(2.4262, fit.Parameters.B);
        Assert.Equal(-9582.43, fit.LogLikelihood, 0.01);
        Assert.Equal(TimeUnit.Week, fit.Unit);
    }

    [Fact]
    public void GammaGamma_reproduces_the_published_estimates_on_the_946_repeaters()
    {
        var fit = GammaGammaModel.Fit(Cdnow.CalibrationWeeks());

        Assert.Equal(SpendModelStatus.Fitted, fit.Status);
        Assert.Equal(946, fit.Repeaters);
        AssertRelative(6.2488, fit.Parameters!.P);
        AssertRelative(3.7446, fit.Parameters.Q);
        AssertRelative(15.448, fit.Parameters.Gamma);
        Assert.Equal(-4055.92, fit.LogLikelihood!.Value, 0.01);
    }

    private static void AssertCustomer(Rfm.RfmSummary summary, string id, int x, double tx, double age, double meanRepeat)
    {
        var customer = summary.Customers.Single(c => c.CustomerId == id);
        Assert.Equal(x, customer.RepeatPurchases);
        Assert.Equal(tx, customer.History.Recency, 0.00501);
        Assert.Equal(age, customer.History.Age, 0.00501);
        Assert.Equal(meanRepeat, customer.History.MeanRepeatValue, 0.00501);
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-3 * Math.Abs(expected), $"expected {expected} within 1e-3 relative, got {actual}");
}

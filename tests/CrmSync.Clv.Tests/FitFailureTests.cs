using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Tests;

public sealed class FitFailureTests
{
    [Fact]
    public void Too_few_repeaters_is_a_typed_error_that_describes_the_data()
    {
        var histories = Enumerable.Range(0, 100).Select(i => new PurchaseHistory(i < 3 ? 1 : 0, i < 3 ? 2 : 0, 20, 0)).ToArray();

        var error = Assert.Throws<ClvFitException>(() => BgNbdModel.Fit(histories, TimeUnit.Week));

        Assert.Equal(FitFailure.TooFewRepeaters, error.Reason);
        Assert.Contains("100 customers (3 with repeat purchases)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_convergence_is_a_typed_error_with_the_last_estimate_and_the_data()
    {
        var error = Assert.Throws<ClvFitException>(() => BgNbdModel.Fit(Cdnow.CalibrationWeeks(), new FitOptions(MaxIterations: 2)));

        Assert.Equal(FitFailure.NotConverged, error.Reason);
        Assert.Contains("did not converge", error.Message, StringComparison.Ordinal);
        Assert.Contains("2,357 customers (946 with repeat purchases)", error.Message, StringComparison.Ordinal);
        Assert.Contains("weeks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_histories_are_refused_naming_the_customer()
    {
        PurchaseHistory[] histories = [new(1, 2, 10, 5), new(1, 12, 10, 5)];

        var error = Assert.Throws<ArgumentException>(() => BgNbdModel.Fit(histories, TimeUnit.Day, new FitOptions(MinimumRepeaters: 1)));

        Assert.Contains("Customer #1", error.Message, StringComparison.Ordinal);
    }
}

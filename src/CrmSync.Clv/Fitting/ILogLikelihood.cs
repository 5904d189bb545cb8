namespace CrmSync.Clv.Fitting;

/// <summary>A model's log-likelihood over a fixed data set, as a function of the logarithms of its (positive) parameters.</summary>
internal interface ILogLikelihood
{
    /// <summary>Customers the likelihood sums over.</summary>
    int Count { get; }

    /// <summary>The log-likelihood summed over customers; <paramref name="gradient"/> receives its derivatives by log-parameter.</summary>
    double Evaluate(ReadOnlySpan<double> logParameters, Span<double> gradient);
}

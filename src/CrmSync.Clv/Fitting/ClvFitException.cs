namespace CrmSync.Clv.Fitting;

public enum FitFailure
{
    /// <summary>Fewer customers with repeat purchases than <see cref="FitOptions.MinimumRepeaters"/>.</summary>
    TooFewRepeaters,

    /// <summary>The optimizer stopped without reaching a maximum (iterations exhausted or no progress).</summary>
    NotConverged,
}

/// <summary>A model could not be fitted to the data; the message describes the data so the cause can be seen.</summary>
public sealed class ClvFitException : Exception
{
    public ClvFitException(FitFailure reason, string message)
        : base(message) => Reason = reason;

    public ClvFitException()
    {
    }

    public ClvFitException(string message)
        : base(message)
    {
    }

    public ClvFitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FitFailure Reason { get; }
}

namespace CrmSync.Clv;

/// <summary>The unit every duration of a fit is measured in. Always chosen by the caller, never inferred from the data.</summary>
public enum TimeUnit
{
    Day,
    Week,
    Month,
}

/// <summary>Conversions between calendar days and <see cref="TimeUnit"/>s.</summary>
public static class TimeUnits
{
    /// <summary>Days in a month: the mean Gregorian month, 365.2425 / 12.</summary>
    public const double DaysPerMonth = DaysPerYear / 12;

    /// <summary>Days in a year: the mean Gregorian year.</summary>
    public const double DaysPerYear = 365.2425;

    public static double Days(this TimeUnit unit) => unit switch
    {
        TimeUnit.Day => 1,
        TimeUnit.Week => 7,
        TimeUnit.Month => DaysPerMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };

    /// <summary>The time from <paramref name="from"/> to <paramref name="to"/> in <paramref name="unit"/>s (fractional).</summary>
    public static double Between(this TimeUnit unit, DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / unit.Days();

    /// <summary>How many <paramref name="unit"/>s make <paramref name="months"/> months.</summary>
    public static double FromMonths(this TimeUnit unit, double months) => months * DaysPerMonth / unit.Days();

    public static string Name(this TimeUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>Parses <c>day</c>, <c>week</c> or <c>month</c> (any case); false for anything else.</summary>
    public static bool TryParse(string? text, out TimeUnit unit)
    {
        unit = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out unit) && Enum.IsDefined(unit);
    }
}

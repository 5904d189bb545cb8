using CrmSync.Metrics.Runs;

namespace CrmSync.Metrics.Tests.Definitions;

public sealed class RunWindowTests
{
    [Fact]
    public void A_twelve_month_period_ends_at_as_of_and_starts_a_year_before()
    {
        var window = new RunWindow(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), 12);

        Assert.Equal(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero), window.WindowStart);
        Assert.Equal(new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero), window.PreviousWindowStart);
    }

    [Fact]
    public void Month_ends_clamp_and_the_previous_window_is_taken_from_as_of_at_once()
    {
        // 31 March − 1 month = 28 February (clamped); 31 March − 2 months = 31 January, not 28 January.
        var window = new RunWindow(new DateTimeOffset(2026, 3, 31, 10, 0, 0, TimeSpan.Zero), 1);

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 10, 0, 0, TimeSpan.Zero), window.WindowStart);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.Zero), window.PreviousWindowStart);
    }

    [Fact]
    public void An_as_of_with_an_offset_is_read_in_utc()
    {
        var window = new RunWindow(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.FromHours(2)), 12);

        Assert.Equal(new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero), window.WindowStart);
        Assert.Equal(TimeSpan.Zero, window.WindowStart.Offset);
    }
}

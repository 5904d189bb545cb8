using System.Globalization;
using CrmSync.Integration.Tests.Metrics.Recompute;

namespace CrmSync.Integration.Tests.Metrics;

/// <summary>
/// Issue 7: against the sandbox, every metric of every account and every segment_metric row
/// equals an independent recomputation in plain C# from the synced rows (no code shared with the
/// engine; the choices are those of metrics.md and the Metrics README).
/// </summary>
public sealed class MetricsAgainstSandboxTests(SyncedSandbox org) : IClassFixture<SyncedSandbox>
{
    private static readonly MetricSettings Settings = new() { TargetSegments = ["Retail", "Energy", "Aerospace"] };

    [Fact]
    public void The_synced_org_holds_the_dirty_data_the_recomputation_must_survive()
    {
        Assert.Contains(org.Org.Records.Deals, d => d.IsWon && d.Amount is null);
        Assert.Contains(org.Org.Records.Cases, c => c.IsClosed && c.ClosedAt < c.CreatedAt);
        Assert.Contains(org.Org.Accounts, a => a.Segment == "(none)");
        Assert.Contains(org.Org.Records.Members, m => m.ContactId is null);
        Assert.Contains(org.Org.Records.Deals, d => d.IsWon && d.CloseDate > new DateOnly(2026, 5, 17));
    }

    [Theory]
    [InlineData("2026-11-01T00:00:00Z")]   // the sandbox's own as-of
    [InlineData("2026-05-17T12:00:00Z")]   // earlier: records after as-of exist and must be ignored
    public async Task Every_stored_metric_equals_the_recomputation_from_the_synced_rows(string asOfText)
    {
        var asOf = DateTime.Parse(asOfText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        await org.RunAsync(["compute", "--as-of", asOfText, .. Settings.CommandLine()]);

        var expected = ExpectedRun.From(org.Org, new Periods(asOf, Settings.PeriodMonths), Settings);
        var stored = await StoredMetrics.ReadAsync(org.ConnectionString, asOf);
        Assert.True(expected.Accounts.Count > 1000, $"only {expected.Accounts.Count} accounts were synced");
        MetricComparison.Of(expected, stored).AssertNone();
    }
}

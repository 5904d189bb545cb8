using CrmSync.Host.Cli;
using CrmSync.Metrics.Tests.Org;
using CrmSync.Testing;

namespace CrmSync.Metrics.Tests.Explain;

/// <summary><c>kpi explain</c> on a hand-built org: the records, why each entered or not, the arithmetic and the stored value.</summary>
public sealed class KpiExplainTests(OrgStore store) : IClassFixture<OrgStore>
{
    [Fact]
    public async Task Win_rate_lists_every_deal_with_its_role_and_ends_in_the_stored_value()
    {
        // Deals get Ids 006-1 … 006-5 in the order they are added.
        await new TestOrg()
            .Account("A").Won("A", "2026-01-05", 10).Won("A", "2026-02-05", 10).Lost("A", "2026-04-05").Lost("A", "2025-05-05").Open("A")
            .ComputeAsync(store);

        var (code, output, _) = await ExplainAsync("A", "win_rate");

        Assert.Equal(0, code);
        Assert.Contains("#9 Win rate (win_rate) of account A", output, StringComparison.Ordinal);
        Assert.Matches(@"006-1 .*│ yes .*│ won", output);
        Assert.Matches(@"006-3 .*│ yes .*│ lost", output);
        Assert.Matches(@"006-4 .*│ no .*│ not closed in W", output);
        Assert.Matches(@"006-5 .*│ no .*│ skipped: after as-of", output);
        Assert.Contains("won 2 / (won 2 + lost 1) = 0.6666666667", output, StringComparison.Ordinal);
        Assert.Contains("stored value: 0.6666666667", output, StringComparison.Ordinal);
        Assert.DoesNotContain("recomputed here", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeat_purchase_value_names_the_first_purchase_and_a_null_amount()
    {
        await new TestOrg()
            .Account("R").Won("R", "2026-01-10", 100).Won("R", "2026-03-10", null).Won("R", "2026-05-10", 40)
            .ComputeAsync(store);

        var (_, output, _) = await ExplainAsync("R", "repeat_purchase_value");

        Assert.Matches(@"006-1 .*│ no .*│ the first purchase", output);
        Assert.Matches(@"006-2 .*│ yes .*│ won in W \(null Amount counted as 0\)", output);
        Assert.Contains("Σ Amount of 2 won deals in W after the first purchase day = 40", output, StringComparison.Ordinal);
        Assert.Contains("stored value: 40", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_metric_whose_source_is_not_configured_says_so()
    {
        await new TestOrg().Account("S").Without("survey").ComputeAsync(store);

        var (code, output, _) = await ExplainAsync("S", "csat");

        Assert.Equal(0, code);
        Assert.Contains("not configured: it needs survey.account_id", output, StringComparison.Ordinal);
        Assert.Contains("stored value: null", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_metrics_and_accounts_are_usage_errors_that_say_what_exists()
    {
        await new TestOrg().Account("K").ComputeAsync(store);

        var unknownMetric = await ExplainAsync("K", "happiness");
        var unknownAccount = await ExplainAsync("001000000000000AAA", "win_rate");

        Assert.Equal(2, unknownMetric.Code);
        Assert.Contains("'happiness' is not a per-account metric. Known: repeat_purchase_value,", unknownMetric.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownAccount.Code);
        Assert.Contains("Account 001000000000000AAA is not in metric run", unknownAccount.Error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> ExplainAsync(string account, string metric)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CrmSyncCommandLine.RunAsync(
            ["kpi", "explain", account, metric, "--set", "ConnectionStrings:CrmSync=" + store.ConnectionString, "--set", "Sync:MappingsPath=" + RepositoryRoot.Combine("mappings")],
            output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using CrmSync.Metrics.Kpis;

namespace CrmSync.Metrics.Tests.Definitions;

public sealed class MetricConfigurationTests
{
    private static readonly HashSet<string> Everything = ["deal", "task", "event", "survey", "case", "campaign_member", "contact", "invoice", "product_usage", "lead"];

    [Fact]
    public void Contact_frequency_needs_tasks_or_events_not_both()
    {
        var onlyEvents = Availability(new() { ["event"] = ["account_id", "activity_date"] });

        Assert.True(MetricCatalog.Find("contact_frequency")!.IsConfigured(onlyEvents));
        Assert.False(MetricCatalog.Find("csat")!.IsConfigured(onlyEvents));
    }

    [Fact]
    public void A_metric_is_not_configured_when_a_field_it_reads_is_not_mapped()
    {
        var noFirstResponse = Availability(new() { ["case"] = ["account_id", "created_at", "is_closed"] });

        Assert.True(MetricCatalog.Find("resolution_rate")!.IsConfigured(noFirstResponse));
        Assert.False(MetricCatalog.Find("response_time_hours")!.IsConfigured(noFirstResponse));
    }

    [Fact]
    public void A_mapped_source_that_was_never_pulled_configures_nothing()
    {
        var mapped = new Dictionary<string, IReadOnlySet<string>> { ["survey"] = new HashSet<string> { "account_id", "type", "score", "responded_at" } };
        var neverPulled = new SourceAvailability(mapped, new HashSet<string>());

        Assert.False(MetricCatalog.Find("nps")!.IsConfigured(neverPulled));
        Assert.Empty(neverPulled.Sources);
    }

    [Fact]
    public void Every_per_account_metric_has_a_column_in_the_store_and_a_default_target_field()
    {
        var migration = File.ReadAllText(Testing.RepositoryRoot.Combine("src", "CrmSync.Store", "Migrations", "0003_metric_runs.sql"));
        var targets = File.ReadAllText(Testing.RepositoryRoot.Combine("mappings", "targets", "account.yaml"));

        Assert.All(MetricCatalog.PerAccount, metric =>
        {
            Assert.Matches($@"\n    {metric.Name} +(numeric|boolean)", migration);
            Assert.Matches($@"\n  {metric.Name}: CrmSync_", targets);
        });
    }

    [Fact]
    public void A_need_that_is_not_source_dot_field_is_refused_with_the_metric_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new MetricDefinition("broken", "0", MetricScope.Account, "t", "d", "deal.amount amount").Alternatives);

        Assert.Contains("'amount' in the needs of broken", error.Message, StringComparison.Ordinal);
    }

    private static SourceAvailability Availability(Dictionary<string, HashSet<string>> fields) =>
        new(fields.ToDictionary(f => f.Key, f => (IReadOnlySet<string>)f.Value), Everything);
}

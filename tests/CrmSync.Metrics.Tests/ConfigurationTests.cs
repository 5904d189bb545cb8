using CrmSync.Metrics.Tests.Org;
using CrmSync.Testing;

namespace CrmSync.Metrics.Tests;

/// <summary>"Not configured" from the mappings, and metrics whose sources are only partly configured.</summary>
public sealed class ConfigurationTests(OrgStore store) : IClassFixture<OrgStore>, IDisposable
{
    private readonly DirectoryInfo mappings = CopyOfTheMappings();

    [Fact]
    public async Task A_metric_whose_field_is_not_mapped_or_whose_source_has_no_mapping_file_is_not_configured()
    {
        var deal = Path.Combine(mappings.FullName, "sources", "deal.yaml");
        File.WriteAllLines(deal, File.ReadAllLines(deal).Where(line => !line.TrimStart().StartsWith("type:", StringComparison.Ordinal)));
        File.Delete(Path.Combine(mappings.FullName, "sources", "survey.yaml"));

        var run = await new TestOrg()
            .Account("A").Won("A", "2026-01-01", 10, "Existing Customer - Upgrade").Lost("A", "2026-02-01")
            .Survey("A", "CSAT", 8, "2026-02-01T10:00")
            .ComputeAsync(store, OrgComputation.MappingsPathKey + mappings.FullName);

        Assert.Null(run.Value("A", "upgrades_per_year"));   // deal.type is not mapped
        Assert.False(run.Quality("upgrades_per_year").Configured);
        Assert.Null(run.Value("A", "csat"));                // no survey mapping at all
        Assert.False(run.Quality("csat").Configured);
        Assert.Equal(0.5m, run.Number("A", "win_rate"));     // 1 won of 1 won + 1 lost
        Assert.True(run.Quality("win_rate").Configured);
    }

    [Fact]
    public async Task Without_tasks_contact_frequency_counts_events_and_without_surveys_engagement_leaves_them_out()
    {
        var run = await new TestOrg()
            .Account("A").Contact("C1", "A")
            .Task("A", "2026-01-01").Event("A", "2026-02-01").Event("A", "2026-03-01").Event("A", "2026-04-01")
            .Member("C1", "2026-01-10T10:00", responded: true, respondedOn: "2026-01-11")
            .Survey("A", "CSAT", 8, "2026-02-01T10:00")
            .Without("task").Without("survey")
            .ComputeAsync(store);

        Assert.Equal(0.25m, run.Number("A", "contact_frequency"));   // 3 events / 12 months
        Assert.Equal(5m, run.Number("A", "engagement_score"));       // 3 events × 1 + 1 campaign response × 2
    }

    public void Dispose() => mappings.Delete(recursive: true);

    private static DirectoryInfo CopyOfTheMappings()
    {
        var copy = Directory.CreateTempSubdirectory("crmsync-mappings-");
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("mappings"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.FullName, Path.GetRelativePath(RepositoryRoot.Combine("mappings"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}

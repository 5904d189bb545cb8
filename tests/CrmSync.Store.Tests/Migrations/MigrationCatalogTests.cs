using CrmSync.Store.Migrations;

namespace CrmSync.Store.Tests.Migrations;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Orders_by_number_not_by_text()
    {
        var catalog = MigrationCatalog.FromScripts([
            ("0010_tenth.sql", "SELECT 10"),
            ("0002_second.sql", "SELECT 2"),
            ("0001_first.sql", "SELECT 1"),
        ]);

        Assert.Equal([1, 2, 10], catalog.Migrations.Select(m => m.Version));
        Assert.Equal(["first", "second", "tenth"], catalog.Migrations.Select(m => m.Name));
    }

    [Theory]
    [InlineData("1_short.sql")]
    [InlineData("0001-dash.sql")]
    [InlineData("0001_Upper.sql")]
    [InlineData("0001_.sql")]
    [InlineData("0001_name.txt")]
    public void Rejects_a_misnamed_file_naming_it(string fileName)
    {
        var error = Assert.Throws<MigrationException>(() => MigrationCatalog.FromScripts([(fileName, "SELECT 1")]));

        Assert.Contains(fileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_two_files_with_one_number_naming_both()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationCatalog.FromScripts([
            ("0003_accounts.sql", "SELECT 1"),
            ("0003_deals.sql", "SELECT 2"),
        ]));

        Assert.Contains("0003_accounts.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("0003_deals.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_empty_script()
    {
        Assert.Throws<MigrationException>(() => MigrationCatalog.FromScripts([("0001_empty.sql", "  \n")]));
    }

    [Fact]
    public void Checksum_ignores_line_endings_but_not_content()
    {
        var unix = new Migration(1, "a", "CREATE TABLE t (id int);\nSELECT 1;");
        var windows = new Migration(1, "a", "CREATE TABLE t (id int);\r\nSELECT 1;");
        var edited = new Migration(1, "a", "CREATE TABLE t (id bigint);\nSELECT 1;");

        Assert.Equal(unix.Checksum, windows.Checksum);
        Assert.NotEqual(unix.Checksum, edited.Checksum);
    }

    [Fact]
    public void The_shipped_migrations_are_embedded_numbered_from_one_without_gaps()
    {
        var versions = MigrationCatalog.Embedded.Migrations.Select(m => m.Version).ToList();

        Assert.NotEmpty(versions);
        Assert.Equal(Enumerable.Range(1, versions.Max()), versions);
    }

    [Fact]
    public void Status_lists_pending_changed_and_unknown_migrations()
    {
        var catalog = MigrationCatalog.FromScripts([("0001_a.sql", "SELECT 1"), ("0002_b.sql", "SELECT 2"), ("0003_c.sql", "SELECT 3")]);
        var applied = new[]
        {
            new AppliedMigration(1, "a", catalog.Migrations[0].Checksum, DateTimeOffset.UnixEpoch),
            new AppliedMigration(2, "b", "not-the-same", DateTimeOffset.UnixEpoch),
            new AppliedMigration(9, "from_the_future", "x", DateTimeOffset.UnixEpoch),
        };

        var status = MigrationStatus.Compare(catalog, applied);

        Assert.Equal([3], status.Pending.Select(m => m.Version));
        Assert.Equal([2], status.Changed.Select(m => m.Version));
        Assert.Equal([9], status.Unknown.Select(m => m.Version));
        Assert.False(status.IsCurrent);
    }
}

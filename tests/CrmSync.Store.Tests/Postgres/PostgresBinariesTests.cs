using CrmSync.Store.Postgres;

namespace CrmSync.Store.Tests.Postgres;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crmsync-bin-").FullName;

    [Fact]
    public void A_configured_folder_without_the_server_programs_gives_the_one_line_fix()
    {
        File.WriteAllText(Path.Combine(folder, "initdb"), string.Empty);

        var error = Assert.Throws<PostgresNotInstalledException>(() => PostgresBinaries.Locate(folder));

        Assert.Contains($"Database:PostgresBinDir ({folder})", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_configured_folder_with_initdb_pg_ctl_and_postgres_is_used()
    {
        foreach (var program in new[] { "initdb", "pg_ctl", "postgres" })
        {
            File.WriteAllText(Path.Combine(folder, program), string.Empty);
        }

        Assert.Equal(folder, PostgresBinaries.Locate(folder).Directory);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

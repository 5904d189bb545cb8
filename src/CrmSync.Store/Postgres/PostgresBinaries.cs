namespace CrmSync.Store.Postgres;

/// <summary>The folder of one PostgreSQL installation's server programs.</summary>
public sealed record PostgresBinaries(string Directory)
{
    private static readonly string[] RequiredPrograms = ["initdb", "pg_ctl", "postgres"];

    public string InitDb => Path.Combine(Directory, "initdb");
    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>
    /// Finds the newest installed PostgreSQL: the configured folder when given, else the usual
    /// Debian, source-build and Homebrew locations, else PATH.
    /// </summary>
    public static PostgresBinaries Locate(string? configuredDirectory)
    {
        var candidates = string.IsNullOrWhiteSpace(configuredDirectory)
            ? WellKnownDirectories().Concat(PathDirectories()).ToList()
            : [configuredDirectory];

        foreach (var directory in candidates)
        {
            if (RequiredPrograms.All(program => File.Exists(Path.Combine(directory, program))))
            {
                return new PostgresBinaries(directory);
            }
        }

        var searched = string.IsNullOrWhiteSpace(configuredDirectory)
            ? "/usr/lib/postgresql/*/bin, /usr/local/pgsql/bin, Homebrew or PATH"
            : $"Database:PostgresBinDir ({configuredDirectory})";
        throw new PostgresNotInstalledException(searched);
    }

    private static IEnumerable<string> WellKnownDirectories()
    {
        foreach (var root in new[] { "/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt" })
        {
            if (!System.IO.Directory.Exists(root))
            {
                continue;
            }

            var versions = System.IO.Directory.GetDirectories(root)
                .Where(d => root == "/usr/lib/postgresql" || Path.GetFileName(d).StartsWith("postgresql", StringComparison.Ordinal))
                .OrderByDescending(VersionOf);
            foreach (var version in versions)
            {
                yield return Path.Combine(version, "bin");
            }
        }

        yield return "/usr/local/pgsql/bin";
    }

    private static IEnumerable<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static int VersionOf(string directory)
    {
        var digits = new string(Path.GetFileName(directory).Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var version) ? version : 0;
    }
}

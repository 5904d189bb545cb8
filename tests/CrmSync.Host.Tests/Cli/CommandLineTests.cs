using CrmSync.Host.Cli;

namespace CrmSync.Host.Tests.Cli;

/// <summary>The exit-code contract of the CLI: 0 success, 1 failure, 2 bad usage or configuration.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_describes_the_verbs_and_succeeds()
    {
        var (code, output, _) = await Cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("db", output, StringComparison.Ordinal);
        Assert.Contains("serve", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("db", "launch")]
    [InlineData("db", "status", "--set", "NoEqualsSign")]
    public async Task Bad_usage_exits_with_2_and_says_so(params string[] args)
    {
        var (code, _, error) = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_postgresql_gives_a_one_line_fix_and_exit_code_2()
    {
        var (code, _, error) = await Cli.RunAsync("db", "start", "--set", "Database:PostgresBinDir=/nonexistent/postgresql/bin",
            "--set", $"Database:EmbeddedDirectory={Path.Combine(Path.GetTempPath(), "crmsync-never-created")}");

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("PostgreSQL is not installed", line, StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("db", "migrate")]
    public async Task A_malformed_connection_string_stops_start_up_naming_the_key(params string[] verb)
    {
        var (code, _, error) = await Cli.RunAsync([.. verb, "--set", "ConnectionStrings:CrmSync=Host=db;Port=notanumber"]);

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.StartsWith("Configuration error: ConnectionStrings:CrmSync is not a valid PostgreSQL connection string", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_jobs_option_stops_serve_naming_the_key_and_value()
    {
        var (code, _, error) = await Cli.RunAsync("serve", "--urls", "http://127.0.0.1:0",
            "--set", "ConnectionStrings:CrmSync=Host=127.0.0.1;Port=1;Timeout=1", "--set", "Jobs:WorkerCount=0");

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains("Jobs:WorkerCount must be between 1 and 64 (was 0).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_connection_string_db_start_starts_nothing()
    {
        var (code, output, _) = await Cli.RunAsync("db", "start", "--set", "ConnectionStrings:CrmSync=Host=db.example.com;Database=crm;Username=u;Password=secret-pw");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("uses the server at db.example.com:5432 (database crm)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", output, StringComparison.Ordinal);
    }
}

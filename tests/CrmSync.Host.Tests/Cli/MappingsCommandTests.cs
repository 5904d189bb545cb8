using CrmSync.Host.Cli;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Cli;

public sealed class MappingsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crmsync-mappings-").FullName;

    [Fact]
    public async Task The_shipped_mappings_validate_cleanly()
    {
        var (code, output) = await ValidateAsync(RepositoryRoot.Combine("mappings"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("12 sources and 2 targets checked: 0 error(s), 0 warning(s).", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source: opportunity\nfields:\n  amount: Amount\n", 1, "Unknown source 'opportunity'")]
    [InlineData("source: deal\nfields:\n  amount: Amount\n  stage: [StageName\n", 5, "YAML syntax error")]
    [InlineData("source: deal\nfields:\n  amount: Amount\n  close_date: Close Date\n", 4, "is not a Salesforce API name")]
    [InlineData("target: account\nfields:\n  csat: CrmSync_CSAT__c\n  nps: CrmSync_CSAT__c\n", 4, "already the target of 'csat'")]
    public async Task A_bad_mapping_exits_2_naming_file_and_line(string yaml, int line, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.yaml"), yaml);

        var (code, output) = await ValidateAsync(folder);

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains(output.Split('\n'), l => l.Contains($"bad.yaml:{line}:", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
        Assert.Contains("Nothing will be pulled until the errors are fixed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_refuses_bad_mappings_before_touching_a_database_or_salesforce()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "deal.yaml"), "source: deal\nfields:\n  amout: Amount\n");
        // No database, no Salesforce: a run that got past the mappings would fail differently.
        var (code, _, error) = await Cli.RunAsync(
            "sync", "--set", $"Sync:MappingsPath={folder}", "--set", "Database:PostgresBinDir=/nonexistent", "--set", "Salesforce:LoginUrl=http://127.0.0.1:1");

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains("deal.yaml:3:3: error: 'amout' is not a field of deal", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Code, string Output)> ValidateAsync(string path)
    {
        var (code, output, _) = await Cli.RunAsync("mappings", "validate", "--path", path);
        return (code, output);
    }
}

using CrmSync.Host.Cli;
using CrmSync.Sandbox;
using CrmSync.Testing;

namespace CrmSync.Integration.Tests.Metrics;

/// <summary>
/// A sandbox org of ~1,500 accounts synced by <c>crmsync sync</c> into a fresh database of a
/// private PostgreSQL, and the synced rows read back as plain records.
/// </summary>
public sealed class SyncedSandbox : IAsyncLifetime
{
    private readonly PostgresServer server = new();
    private SandboxServer? sandbox;

    public string ConnectionString { get; private set; } = string.Empty;

    public SyncedOrg Org { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 17, Accounts = 1500 });
        ConnectionString = await server.CreateDatabaseAsync("recompute");
        var settings = new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri))
        {
            ["Salesforce:BulkPollDelay"] = "00:00:00.010",
            ["Salesforce:BulkPollMaxDelay"] = "00:00:00.100",
        };
        await RunAsync(["sync", .. settings.SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" })]);
        Org = await SyncedOrg.ReadAsync(ConnectionString);
    }

    /// <summary>Runs a <c>crmsync</c> verb in-process against this database and the repository's mappings; it must succeed.</summary>
    public async Task RunAsync(IEnumerable<string> args)
    {
        string[] common = ["--set", "ConnectionStrings:CrmSync=" + ConnectionString, "--set", "Sync:MappingsPath=" + RepositoryRoot.Combine("mappings")];
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] all = [.. args, .. common];
        var code = await CrmSyncCommandLine.RunAsync(all, output, error);
        Assert.True(code == 0, $"crmsync {all[0]} exited {code}:{Environment.NewLine}{error}{output}");
    }

    public async Task DisposeAsync()
    {
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        Npgsql.NpgsqlConnection.ClearAllPools();
        await server.DisposeAsync();
    }
}

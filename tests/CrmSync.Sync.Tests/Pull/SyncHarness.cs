using System.Text.Json;
using CrmSync.Salesforce;
using CrmSync.Sandbox;
using CrmSync.Store;
using CrmSync.Store.Migrations;
using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;
using CrmSync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmSync.Sync.Tests.Pull;

/// <summary>A sandbox org, an empty database and the production sync wiring between them.</summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly IHost host;

    private SyncHarness(SandboxServer sandbox, IHost host, string connectionString)
    {
        Sandbox = sandbox;
        this.host = host;
        ConnectionString = connectionString;
        Org = new SandboxReader(sandbox.BaseUri);
    }

    public SandboxServer Sandbox { get; }

    public SandboxReader Org { get; }

    public string ConnectionString { get; }

    public MappingSet Mappings => host.Services.GetRequiredService<SyncRunner>().LoadMappings();

    public static async Task<SyncHarness> StartAsync(
        PostgresServer server, int accounts, Dictionary<string, string?>? settings = null, TimeProvider? orgClock = null, TimeProvider? crmSyncClock = null)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 11, Accounts = accounts, TimeProvider = orgClock ?? TimeProvider.System });
        var connectionString = await server.CreateDatabaseAsync("sync");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepositoryRoot.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CrmSync"] = connectionString,
            ["Salesforce:BulkPollDelay"] = "00:00:00.010",
            ["Salesforce:BulkPollMaxDelay"] = "00:00:00.100",
        });
        builder.Configuration.AddInMemoryCollection(SandboxLogin.Settings(sandbox.BaseUri));
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton(crmSyncClock ?? TimeProvider.System);
        builder.Services.AddLogging().AddCrmSyncStore().AddSalesforce().AddCrmSyncSync();
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(default);
        return new SyncHarness(sandbox, host, connectionString);
    }

    /// <summary>A service of the production wiring, e.g. the Salesforce client.</summary>
    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async Task<IReadOnlyList<PullResult>> SyncAsync(bool full = false)
    {
        var runner = host.Services.GetRequiredService<SyncRunner>();
        return await runner.RunAsync(SyncRunner.Select(runner.LoadMappings(), []), full, progress: null, default);
    }

    /// <summary>Calls per endpoint so far, from the sandbox's own counters.</summary>
    public async Task<Dictionary<string, int>> CallsAsync()
    {
        using var stats = JsonDocument.Parse(await Org.Http.GetStringAsync(new Uri(Sandbox.BaseUri, "/__sandbox/stats")));
        return stats.RootElement.GetProperty("usage").GetProperty("callsByEndpoint").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
    }

    public async Task AdvanceAsync(int days)
    {
        using var response = await Org.Http.PostAsync(new Uri(Sandbox.BaseUri, $"/__sandbox/advance?days={days}"), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The stored rows of one source as id → column name → canonical text.</summary>
    public async Task<Dictionary<string, Dictionary<string, string?>>> StoredAsync(string source)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT * FROM crmsync.sf_{source}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, Dictionary<string, string?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Canonical.FromDatabase(reader.GetValue(i));
            }

            rows[(string)reader["id"]] = row;
        }

        return rows;
    }

    /// <summary>Runs SQL against the store, to put it in a state a crash would leave.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        Org.Dispose();
        await Sandbox.DisposeAsync();
    }
}

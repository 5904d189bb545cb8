using System.Text.Json;
using CrmSync.Metrics;
using CrmSync.Metrics.Runs;
using CrmSync.Salesforce;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;
using CrmSync.Store;
using CrmSync.Store.Migrations;
using CrmSync.Sync;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using CrmSync.WriteBack.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmSync.WriteBack.Tests.Pipeline;

/// <summary>A sandbox org, a database, and the production sync → compute → write-back wiring between them.</summary>
public sealed class WriteBackHarness : IAsyncDisposable
{
    /// <summary>The sandbox's fixed as-of: the metric runs describe the same instant as the org.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IHost host;

    private WriteBackHarness(SandboxServer sandbox, IHost host, string connectionString)
    {
        Sandbox = sandbox;
        this.host = host;
        ConnectionString = connectionString;
    }

    public SandboxServer Sandbox { get; }

    public string ConnectionString { get; }

    public ManualTime Clock => (ManualTime)host.Services.GetRequiredService<TimeProvider>();

    public MappingSet Mappings => MappingLoader.LoadFolder(RepositoryRoot.Combine("mappings"));

    public IReadOnlyList<WriteTarget> Targets => Mappings.Targets
        .OrderBy(t => t.Target == WriteTarget.Account ? 0 : 1)
        .Select(t => new WriteTarget(t.Target, t.ObjectName, t.Fields.Select(f => new TargetField(f.Logical, f.ApiName)).ToList(), t.ExternalIdField))
        .ToList();

    public ISalesforceClient Client => host.Services.GetRequiredService<ISalesforceClient>();

    public static async Task<WriteBackHarness> StartAsync(PostgresServer server, int accounts = 120, string? faults = null, Dictionary<string, string?>? settings = null)
    {
        var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 3, Accounts = accounts, Faults = faults });
        var connectionString = await server.CreateDatabaseAsync("writeback");
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepositoryRoot.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:CrmSync"] = connectionString,
            ["Salesforce:BulkPollDelay"] = "00:00:00.010",
            ["Salesforce:BulkPollMaxDelay"] = "00:00:00.050",
            ["Salesforce:RetryDelay"] = "00:00:00.010",
        });
        builder.Configuration.AddInMemoryCollection(SandboxLogin.Settings(sandbox.BaseUri));
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        var now = DateTimeOffset.UtcNow;
        builder.Services.AddSingleton<TimeProvider>(new ManualTime(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond))));
        builder.Services.AddLogging().AddCrmSyncStore().AddSalesforce().AddCrmSyncSync().AddCrmSyncMetrics().AddCrmSyncWriteBack();
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(default);
        return new WriteBackHarness(sandbox, host, connectionString);
    }

    /// <summary>Sync, then compute a metric run as of <see cref="AsOf"/>; returns the run's id.</summary>
    public async Task<long> SyncAndComputeAsync()
    {
        var sync = host.Services.GetRequiredService<SyncRunner>();
        await sync.RunAsync(SyncRunner.Select(sync.LoadMappings(), []), full: false, progress: null, default);
        var mapped = Mappings.Sources.ToDictionary(
            s => s.Source, s => (IReadOnlySet<string>)s.Fields.Select(f => f.Logical).Append("id").ToHashSet(StringComparer.Ordinal));
        var run = await host.Services.GetRequiredService<MetricRunner>().RunAsync(AsOf, mapped, progress: null, default);
        return run.RunId;
    }

    public Task<WriteBackReport> WriteBackAsync(bool dryRun = false) =>
        host.Services.GetRequiredService<WriteBackRunner>().RunAsync(Targets, dryRun, progress: null, default);

    /// <summary>API calls the sandbox has answered so far (all endpoints, login included).</summary>
    public async Task<long> CallsAsync()
    {
        using var http = new HttpClient();
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(Sandbox.BaseUri, "/__sandbox/stats")));
        return stats.RootElement.GetProperty("usage").GetProperty("callsByEndpoint").EnumerateObject().Sum(p => p.Value.GetInt64());
    }

    /// <summary>Records the sandbox has written so far.</summary>
    public async Task<long> SandboxWritesAsync()
    {
        using var http = new HttpClient();
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(Sandbox.BaseUri, "/__sandbox/stats")));
        return stats.RootElement.GetProperty("usage").GetProperty("writes").GetInt64();
    }

    public async Task SetFaultsAsync(string? spec)
    {
        using var http = new HttpClient();
        using var response = spec is null
            ? await http.DeleteAsync(new Uri(Sandbox.BaseUri, "/__sandbox/faults"))
            : await http.PutAsync(new Uri(Sandbox.BaseUri, "/__sandbox/faults"), new StringContent(spec));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs one statement against the store (test setup: a direct change of results).</summary>
    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of a query, each column by name.</summary>
    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        host.Dispose();
        await Sandbox.DisposeAsync();
    }
}

/// <summary>A clock the test moves (backoff waits).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

using CrmSync.Host.Cli;
using CrmSync.Testing;
using Npgsql;

namespace CrmSync.Metrics.Tests.Org;

/// <summary>
/// A test class's own PostgreSQL (<see cref="PostgresServer"/>) with one fresh database,
/// migrated by <c>crmsync db migrate</c>. The tests of a class run one after another; each one
/// empties the synced tables and the metric runs before writing its org.
/// </summary>
public sealed class OrgStore : IAsyncLifetime
{
    private readonly PostgresServer server = new();

    /// <summary>What the <c>crmsync</c> verbs are given (no pooling, as <see cref="PostgresServer"/> hands it out).</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The same database with pooling, for the test's own reads and writes.</summary>
    public string PooledConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = true }.ConnectionString;

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        ConnectionString = await server.CreateDatabaseAsync("metrics");
        await RunVerbAsync("db", "migrate", "--set", "ConnectionStrings:CrmSync=" + ConnectionString);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.DisposeAsync();
    }

    /// <summary>Runs the <c>crmsync</c> command line in-process; a non-zero exit fails the test with what it printed.</summary>
    public static async Task RunVerbAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CrmSyncCommandLine.RunAsync(args, output, error);
        Assert.True(code == 0, $"crmsync {args[0]} exited {code}:{Environment.NewLine}{error}{output}");
    }

    /// <summary>Empties every synced table, the pull states and the metric runs (with their results).</summary>
    public static async Task ClearAsync(NpgsqlConnection connection)
    {
        // DELETE, not TRUNCATE: on a handful of rows it is many times faster. Result tables go with their run (ON DELETE CASCADE).
        await using var names = new NpgsqlCommand(
            "SELECT string_agg(format('DELETE FROM crmsync.%I', tablename), '; ') FROM pg_tables " +
            "WHERE schemaname = 'crmsync' AND (tablename LIKE 'sf\\_%' OR tablename IN ('sync_state', 'metric_run'))", connection);
        await using var delete = new NpgsqlCommand((string)(await names.ExecuteScalarAsync())!, connection);
        await delete.ExecuteNonQueryAsync();
    }
}

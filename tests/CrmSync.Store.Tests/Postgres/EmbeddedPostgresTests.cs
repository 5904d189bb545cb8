using CrmSync.Store.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmSync.Store.Tests.Postgres;

/// <summary>Runs the real installed PostgreSQL in a temporary folder (as the postgres OS user when the tests run as root).</summary>
public sealed class EmbeddedPostgresTests : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "crmsync-embedded-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Creates_starts_reuses_stops_and_restarts_one_cluster()
    {
        var embedded = Create();
        Assert.Equal(EmbeddedClusterState.NotCreated, (await embedded.GetStatusAsync(default)).State);

        var first = await embedded.StartAsync(default);
        var second = await Create().StartAsync(default);

        Assert.False(first.WasAlreadyRunning);
        Assert.True(second.WasAlreadyRunning);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal("crmsync", await QueryAsync(second.ConnectionString, "SELECT current_database()"));
        var running = await embedded.GetStatusAsync(default);
        Assert.Equal((EmbeddedClusterState.Running, first.Port), (running.State, running.Port));

        Assert.True(await embedded.StopAsync(default));
        Assert.False(await embedded.StopAsync(default));
        Assert.Equal(EmbeddedClusterState.Stopped, (await embedded.GetStatusAsync(default)).State);

        var restarted = await embedded.StartAsync(default);
        Assert.False(restarted.WasAlreadyRunning);
        Assert.Equal("crmsync", await QueryAsync(restarted.ConnectionString, "SELECT current_database()"));
    }

    [Fact]
    public async Task Two_processes_starting_at_once_share_one_server()
    {
        var starts = await Task.WhenAll(Create().StartAsync(default), Create().StartAsync(default));

        Assert.Equal(starts[0].Port, starts[1].Port);
        Assert.Single(starts, s => !s.WasAlreadyRunning);
    }

    [Fact]
    public async Task Listens_on_loopback_only_and_requires_the_generated_password()
    {
        var instance = await Create().StartAsync(default);

        Assert.Equal("127.0.0.1", await QueryAsync(instance.ConnectionString, "SELECT current_setting('listen_addresses')"));
        var wrongPassword = new NpgsqlConnectionStringBuilder(instance.ConnectionString) { Password = "wrong", Pooling = false }.ConnectionString;
        var error = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync(wrongPassword, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task A_port_taken_while_stopped_is_replaced_by_a_free_one()
    {
        var embedded = Create();
        var first = await embedded.StartAsync(default);
        await embedded.StopAsync(default);
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, first.Port);
        squatter.Start();

        var second = await embedded.StartAsync(default);

        Assert.NotEqual(first.Port, second.Port);
        Assert.Equal("crmsync", await QueryAsync(second.ConnectionString, "SELECT current_database()"));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_cluster_in_a_folder_closed_to_other_users_still_starts()
    {
        // As root the server runs as the postgres OS user, which cannot enter a mode-700 folder
        // of root's: the data must be relocated and linked. As any other user it is their own folder.
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var embedded = StoreServiceCollectionExtensions.CreateEmbeddedPostgres(
            new DatabaseOptions { EmbeddedDirectory = Path.Combine(root, "private", "pg") }, Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance);

        try
        {
            var instance = await embedded.StartAsync(default);

            Assert.Equal("crmsync", await QueryAsync(instance.ConnectionString, "SELECT current_database()"));
            var dataIsLinked = new DirectoryInfo(embedded.Layout.DataDirectory).LinkTarget is not null;
            Assert.Equal(Environment.IsPrivilegedProcess, dataIsLinked);
        }
        finally
        {
            await embedded.StopAsync(default);
            if (Environment.IsPrivilegedProcess && Directory.Exists(embedded.Layout.RelocatedStorage))
            {
                Directory.Delete(embedded.Layout.RelocatedStorage, recursive: true);
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(root))
        {
            await Create().StopAsync(default);
            Directory.Delete(root, recursive: true);
        }
    }

    private EmbeddedPostgres Create() => StoreServiceCollectionExtensions.CreateEmbeddedPostgres(
        new DatabaseOptions { EmbeddedDirectory = root }, Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance);

    private static async Task<string?> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}

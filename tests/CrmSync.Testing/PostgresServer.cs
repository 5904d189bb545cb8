using CrmSync.Store;
using CrmSync.Store.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace CrmSync.Testing;

/// <summary>
/// A PostgreSQL server for a test assembly: the one named by <c>CRMSYNC_TEST_POSTGRES</c>
/// (a connection string with rights to create databases), else a private embedded cluster in a
/// temporary folder, stopped and removed afterwards. Each test asks for a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionStringVariable = "CRMSYNC_TEST_POSTGRES";

    private EmbeddedPostgres? embedded;
    private string? temporaryRoot;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AdminConnectionString = configured;
            return;
        }

        temporaryRoot = Path.Combine(Path.GetTempPath(), "crmsync-tests-" + Guid.NewGuid().ToString("N")[..12]);
        embedded = StoreServiceCollectionExtensions.CreateEmbeddedPostgres(
            new DatabaseOptions { EmbeddedDirectory = temporaryRoot }, Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance);
        AdminConnectionString = (await embedded.StartAsync(CancellationToken.None)).ConnectionString;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}";
        name = name[..Math.Min(name.Length, 40)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (embedded is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await embedded.StopAsync(CancellationToken.None);
        Directory.Delete(temporaryRoot!, recursive: true);
    }
}

using CrmSync.Host.Configuration;
using CrmSync.Store;
using Npgsql;

namespace CrmSync.Host.Cli.Demo;

/// <summary>
/// The demo's own database, <c>crmsync_demo</c>, made empty on each start: the sandbox is generated anew each time,
/// so a write ledger or watermarks from an earlier demo would not match it. Lives on the configured PostgreSQL, or
/// the embedded one (started now if needed); CrmSync's own database is left alone.
/// </summary>
internal static class DemoDatabase
{
    public const string Name = "crmsync_demo";

    public static async Task<string> RecreateAsync(IEnumerable<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = CrmSyncConfiguration.ContentRoot });
        builder.AddCrmSyncConfiguration(settings);
        using (var logging = LoggerFactory.Create(l => l.AddCrmSyncLogging(builder.Configuration, LogLevel.Warning)))
        {
            await builder.StartEmbeddedPostgresIfUnconfiguredAsync(logging, cancellationToken);
        }

        var server = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("CrmSync")) { Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", $"CREATE DATABASE {Name}" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = Name, Pooling = true }.ConnectionString;
    }
}

using Hangfire.PostgreSql;
using Npgsql;

namespace CrmSync.Host.Jobs;

/// <summary>Hangfire's connections come from CrmSync's own data source (same database, schema "hangfire").</summary>
internal sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}

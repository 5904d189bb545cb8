using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Store.Synced;

/// <summary>Reads and writes <c>crmsync.describe_cache</c>: a describe's JSON and when it was fetched.</summary>
public sealed class DescribeCacheStore(NpgsqlDataSource dataSource)
{
    private const string SelectSql = "SELECT body::text, fetched_at FROM crmsync.describe_cache WHERE name = $1";

    private const string UpsertSql = """
        INSERT INTO crmsync.describe_cache (name, body, fetched_at) VALUES ($1, $2::jsonb, $3)
        ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body, fetched_at = EXCLUDED.fetched_at
        """;

    public async Task<(string Json, DateTimeOffset FetchedAt)?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SelectSql);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    public async Task SaveAsync(string name, string json, DateTimeOffset fetchedAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(UpsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = fetchedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

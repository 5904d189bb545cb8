using System.Globalization;
using System.Text;
using CrmSync.Store.Migrations;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmSync.Host.Tests.Crash;

/// <summary>What the crash tests compare in a store: rows by content, row counts, indexes.</summary>
internal static class SyncCrashStore
{
    /// <summary>
    /// Every stored row of a source, in Id order: its content, not bookkeeping. system_modstamp is
    /// left out: a change to fields CrmSync does not read is not rewritten, so it may be older.
    /// </summary>
    public static async Task<string> DumpAsync(string connectionString, LogicalEntity source)
    {
        var columns = string.Join(", ", source.Fields.Select(f => f.Name));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id, {columns}, raw FROM crmsync.sf_{source.Name} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var dump = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                dump.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            }

            dump.AppendLine();
        }

        return dump.ToString();
    }

    /// <summary>Rows in the table, and the count its sync state keeps (0 without a state).</summary>
    public static async Task<(long Rows, long Counted)> CountsAsync(string connectionString, LogicalEntity source) =>
        (await ScalarAsync(connectionString, $"SELECT count(*) FROM crmsync.sf_{source.Name}"),
         await ScalarAsync(connectionString, $"SELECT coalesce(sum(rows_stored), 0) FROM crmsync.sync_state WHERE source = '{source.Name}'"));

    /// <summary>The definitions of every index of every synced table (the primary keys among them).</summary>
    public static async Task<string> IndexesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'crmsync' AND tablename LIKE 'sf\\_%'", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A database with every migration applied and no rows: to copy with <see cref="CopyAsync"/>.</summary>
    public static async Task<string> MigratedAsync(PostgresServer server)
    {
        var connectionString = await server.CreateDatabaseAsync("migrated");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource, MigrationCatalog.Embedded, NullLogger<MigrationRunner>.Instance).MigrateAsync(default);
        return connectionString;
    }

    /// <summary>A new database copied from <paramref name="template"/> (which nobody may be connected to).</summary>
    public static async Task<string> CopyAsync(PostgresServer server, string template)
    {
        var builder = new NpgsqlConnectionStringBuilder(template);
        var name = $"{builder.Database}_{Guid.NewGuid():N}"[..48];
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{builder.Database}\"", connection);
        await create.ExecuteNonQueryAsync();
        builder.Database = name;
        return builder.ConnectionString;
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

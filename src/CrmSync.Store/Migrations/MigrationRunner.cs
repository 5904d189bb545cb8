using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmSync.Store.Migrations;

/// <summary>
/// Applies pending migrations, each in its own transaction together with its
/// <c>schema_migrations</c> row. A session advisory lock makes concurrent starts take turns:
/// the second process finds the work done.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, MigrationCatalog catalog, ILogger<MigrationRunner> logger)
{
    // Any constant unique to CrmSync; "CrmSync" in ASCII.
    private const long AdvisoryLockKey = 0x43726d53796e63;

    private const string CreateLedgerSql = """
        CREATE TABLE IF NOT EXISTS public.schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string ReadLedgerSql = """
        SELECT version, name, checksum, applied_at
        FROM public.schema_migrations
        ORDER BY version
        """;

    private const string RecordSql = """
        INSERT INTO public.schema_migrations (version, name, checksum)
        VALUES ($1, $2, $3)
        """;

    /// <summary>Applies what is pending; returns the migrations applied by this call.</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, CreateLedgerSql, cancellationToken);
            var status = MigrationStatus.Compare(catalog, await ReadLedgerAsync(connection, cancellationToken));
            if (status.Changed.Count > 0)
            {
                throw new MigrationException(
                    $"Migration {status.Changed[0].FileName} was edited after it was applied to this database (checksum differs). " +
                    "Restore the original file and put the change in a new migration.");
            }

            foreach (var unknown in status.Unknown)
            {
                Log.UnknownMigration(logger, unknown.Version, unknown.Name);
            }

            foreach (var migration in status.Pending)
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            Log.MigrationsCurrent(logger, status.Applied.Count + status.Pending.Count, status.Pending.Count);
            return status.Pending;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NOT NULL", connection);
        var ledgerExists = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
        return MigrationStatus.Compare(catalog, ledgerExists ? await ReadLedgerAsync(connection, cancellationToken) : []);
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        Log.ApplyingMigration(logger, migration.Version, migration.Name);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new MigrationException($"Migration {migration.FileName} failed: {e.MessageText} (SQLSTATE {e.SqlState}). Nothing of it was applied.", e);
        }

        await using var record = new NpgsqlCommand(RecordSql, connection)
        {
            Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name }, new() { Value = migration.Checksum } },
        };
        await record.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadLedgerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReadLedgerSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

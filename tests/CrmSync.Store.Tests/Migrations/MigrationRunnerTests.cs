using CrmSync.Store.Migrations;
using CrmSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmSync.Store.Tests.Migrations;

public sealed class MigrationRunnerTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly MigrationCatalog TwoSteps = MigrationCatalog.FromScripts([
        ("0001_accounts.sql", "CREATE TABLE accounts (id text PRIMARY KEY);"),
        ("0002_deals.sql", "CREATE TABLE deals (id text PRIMARY KEY, account_id text REFERENCES accounts (id));"),
    ]);

    [Fact]
    public async Task Migrating_twice_applies_each_migration_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("twice"));
        var runner = Runner(dataSource, TwoSteps);

        var first = await runner.MigrateAsync(default);
        var second = await runner.MigrateAsync(default);

        Assert.Equal([1, 2], first.Select(m => m.Version));
        Assert.Empty(second);
        Assert.Equal(2L, await ScalarAsync(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.True((await runner.GetStatusAsync(default)).IsCurrent);
    }

    [Fact]
    public async Task Two_processes_migrating_at_once_take_turns()
    {
        var connectionString = await server.CreateDatabaseAsync("concurrent");
        await using var one = NpgsqlDataSource.Create(connectionString);
        await using var other = NpgsqlDataSource.Create(connectionString);

        var applied = await Task.WhenAll(Runner(one, TwoSteps).MigrateAsync(default), Runner(other, TwoSteps).MigrateAsync(default));

        Assert.Equal(2, applied.Sum(a => a.Count));
        Assert.Equal(2L, await ScalarAsync(one, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_and_keeps_the_earlier_ones()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("failing"));
        var broken = MigrationCatalog.FromScripts([
            ("0001_accounts.sql", "CREATE TABLE accounts (id text PRIMARY KEY);"),
            ("0002_broken.sql", "CREATE TABLE half (id int); SELECT * FROM no_such_table;"),
        ]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(dataSource, broken).MigrateAsync(default));

        Assert.Contains("0002_broken.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync(dataSource, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(false, await ScalarAsync(dataSource, "SELECT to_regclass('half') IS NOT NULL"));
    }

    [Fact]
    public async Task An_applied_migration_edited_afterwards_is_refused()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("edited"));
        await Runner(dataSource, TwoSteps).MigrateAsync(default);
        var edited = MigrationCatalog.FromScripts([
            ("0001_accounts.sql", "CREATE TABLE accounts (id text PRIMARY KEY, name text);"),
            ("0002_deals.sql", TwoSteps.Migrations[1].Sql),
        ]);

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(dataSource, edited).MigrateAsync(default));

        Assert.Contains("0001_accounts.sql was edited", error.Message, StringComparison.Ordinal);
        Assert.Single((await Runner(dataSource, edited).GetStatusAsync(default)).Changed);
    }

    [Fact]
    public async Task The_shipped_migrations_apply_to_an_empty_database()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("shipped"));
        var runner = Runner(dataSource, MigrationCatalog.Embedded);
        Assert.Equal(MigrationCatalog.Embedded.Migrations.Count, (await runner.GetStatusAsync(default)).Pending.Count);

        await runner.MigrateAsync(default);

        Assert.True((await runner.GetStatusAsync(default)).IsCurrent);
        Assert.Equal(true, await ScalarAsync(dataSource, "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'crmsync')"));
    }

    private static MigrationRunner Runner(NpgsqlDataSource dataSource, MigrationCatalog catalog) =>
        new(dataSource, catalog, NullLogger<MigrationRunner>.Instance);

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}

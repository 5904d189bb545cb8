using CrmSync.Store.Migrations;
using CrmSync.Store.Synced;
using CrmSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Store.Tests.Synced;

public sealed class EmptyTableLoadTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly SyncedTable Accounts = new("account", [
        new("name", NpgsqlDbType.Text), new("segment", NpgsqlDbType.Text), new("created_at", NpgsqlDbType.TimestampTz)]);

    private static readonly DateTime Monday = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_committed_load_stores_its_rows_and_watermark_and_has_every_index_again()
    {
        await using var dataSource = await MigratedAsync("load_commit");
        await using (var adminsOwn = dataSource.CreateCommand("CREATE INDEX sf_account_segment_by_admin ON crmsync.sf_account (segment)"))
        {
            await adminsOwn.ExecuteNonQueryAsync();
        }

        var indexesBefore = await IndexesAsync(dataSource);

        await using (var load = (await Writer(dataSource).BeginEmptyTableLoadAsync(Accounts, default))!)
        {
            load.Append([Row("001A", Monday, "Acme"), Row("001B", Monday, "Globex"), Row("001C", Monday, "Gone", deleted: true)]);
            load.Append([Row("001D", Monday.AddHours(1), "Initech")]);
            var result = await load.CommitAsync(State(Monday.AddHours(1)), default);
            Assert.Equal(new MergeResult(3, 0, 0), result);
        }

        Assert.Equal(["001A|Acme", "001B|Globex", "001D|Initech"], await RowsAsync(dataSource));
        Assert.Equal(indexesBefore, await IndexesAsync(dataSource));
        Assert.Contains("sf_account_pkey", indexesBefore[0], StringComparison.Ordinal);
        Assert.Contains("sf_account_segment_by_admin", indexesBefore[1], StringComparison.Ordinal);
        Assert.Equal("3|2026-03-02 10:00:00", await ScalarAsync<string>(dataSource,
            "SELECT rows_stored || '|' || to_char(watermark AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM crmsync.sync_state WHERE source = 'account'"));
    }

    [Fact]
    public async Task A_load_that_never_commits_leaves_the_table_empty_with_its_indexes()
    {
        await using var dataSource = await MigratedAsync("load_abandoned");
        var indexesBefore = await IndexesAsync(dataSource);

        await using (var load = (await Writer(dataSource).BeginEmptyTableLoadAsync(Accounts, default))!)
        {
            load.Append([Row("001A", Monday, "Acme"), Row("001B", Monday, "Globex")]);
        }

        Assert.Empty(await RowsAsync(dataSource));
        Assert.Equal(indexesBefore, await IndexesAsync(dataSource));
        Assert.Equal(0L, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM crmsync.sync_state"));
    }

    [Fact]
    public async Task An_id_loaded_twice_is_stored_once_in_its_newest_version()
    {
        await using var dataSource = await MigratedAsync("load_duplicate");

        await using (var load = (await Writer(dataSource).BeginEmptyTableLoadAsync(Accounts, default))!)
        {
            load.Append([Row("001A", Monday.AddDays(1), "Acme Corp"), Row("001B", Monday, "Globex")]);
            load.Append([Row("001A", Monday, "Acme (old name)")]);
            Assert.Equal(new MergeResult(2, 0, 0), await load.CommitAsync(State(Monday.AddDays(1)), default));
        }

        Assert.Equal(["001A|Acme Corp", "001B|Globex"], await RowsAsync(dataSource));
        Assert.Equal(2L, await ScalarAsync<long>(dataSource, "SELECT rows_stored FROM crmsync.sync_state"));
        Assert.True(await ScalarAsync<bool>(dataSource,
            "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'crmsync.sf_account'::regclass AND contype = 'p')"));
    }

    [Fact]
    public async Task A_table_that_already_has_rows_is_not_loaded_this_way()
    {
        await using var dataSource = await MigratedAsync("load_not_empty");
        await using (var command = dataSource.CreateCommand("INSERT INTO crmsync.sf_account (id, system_modstamp) VALUES ('001Z', now())"))
        {
            await command.ExecuteNonQueryAsync();
        }

        Assert.Null(await Writer(dataSource).BeginEmptyTableLoadAsync(Accounts, default));
    }

    private static SyncedTableWriter Writer(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<EmptyTableLoad>.Instance);

    private static SyncedRow Row(string id, DateTime modstamp, string name, bool deleted = false) =>
        new(id, modstamp, [name, null, modstamp], "{}", deleted);

    private static SyncState State(DateTime watermark) => new("account", "Account", watermark, null, "sig", true, watermark);

    private async Task<NpgsqlDataSource> MigratedAsync(string purpose)
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync(purpose));
        await new MigrationRunner(dataSource, MigrationCatalog.Embedded, NullLogger<MigrationRunner>.Instance).MigrateAsync(default);
        return dataSource;
    }

    private static async Task<List<string>> IndexesAsync(NpgsqlDataSource dataSource) =>
        await ListAsync(dataSource, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'crmsync' AND tablename = 'sf_account' ORDER BY indexname");

    private static async Task<List<string>> RowsAsync(NpgsqlDataSource dataSource) =>
        await ListAsync(dataSource, "SELECT id || '|' || name FROM crmsync.sf_account ORDER BY id");

    private static async Task<List<string>> ListAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

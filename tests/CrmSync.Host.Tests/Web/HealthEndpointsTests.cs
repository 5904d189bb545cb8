using System.Net;
using System.Text.Json;
using CrmSync.Host.Health;
using CrmSync.Store.Migrations;
using CrmSync.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Host.Tests.Web;

/// <summary><c>/health/live</c>, <c>/health/ready</c> and <c>/health</c> of the serve host against a real PostgreSQL.</summary>
public sealed class HealthEndpointsTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Live_checks_nothing_and_ready_checks_the_database_when_salesforce_is_not_configured()
    {
        await using var app = await TestServeHost.StartAsync(await server.CreateDatabaseAsync("live"));
        using var http = TestServeHost.Client(app);

        var (liveStatus, live) = await GetAsync(http, HealthEndpoints.LivePath);
        var (readyStatus, ready) = await GetAsync(http, HealthEndpoints.ReadyPath);

        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal("Healthy", live.GetProperty("status").GetString());
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, readyStatus);
        Assert.Equal(["database"], ready.GetProperty("checks").EnumerateObject().Select(c => c.Name));
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_503_when_a_source_synced_longer_ago_than_allowed_while_health_stays_200()
    {
        var connectionString = await server.CreateDatabaseAsync("ready");
        await using var app = await TestServeHost.StartAsync(connectionString, [.. TestServeHost.OfflineSalesforce(), new("Health:MaxSyncAgeMinutes", "60")]);
        await ExecuteAsync(connectionString, """
            INSERT INTO crmsync.sync_state (source, object_name, fields_signature, last_success_at) VALUES
                ('account', 'Account', 'x', now() - interval '10 minutes'),
                ('deal', 'Opportunity', 'x', now() - interval '3 hours')
            """);
        using var http = TestServeHost.Client(app);

        var (readyStatus, ready) = await GetAsync(http, HealthEndpoints.ReadyPath);
        var (healthStatus, health) = await GetAsync(http, HealthEndpoints.Path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        var checks = ready.GetProperty("checks");
        Assert.Equal(["database", "salesforce", "sync"], checks.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("Healthy", checks.GetProperty("salesforce").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("sync").GetProperty("status").GetString());
        Assert.Equal(
            "Last successful sync older than 60 minutes (Health:MaxSyncAgeMinutes): deal.",
            checks.GetProperty("sync").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, healthStatus);
        Assert.Equal(["database"], health.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }

    [Fact]
    public async Task The_sync_age_check_is_degraded_before_the_first_success_healthy_when_fresh_and_unhealthy_when_stale()
    {
        var connectionString = await server.CreateDatabaseAsync("syncage");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new MigrationRunner(dataSource, MigrationCatalog.Embedded, NullLogger<MigrationRunner>.Instance).MigrateAsync(default);
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var check = new SyncAgeHealthCheck(dataSource, Options.Create(new HealthOptions { MaxSyncAgeMinutes = 30 }), clock);

        var empty = await check.CheckHealthAsync(new HealthCheckContext());
        await ExecuteAsync(connectionString, """
            INSERT INTO crmsync.sync_state (source, object_name, fields_signature, last_success_at) VALUES
                ('account', 'Account', 'x', '2026-06-01 11:45:00+00'), ('case', 'Case', 'x', NULL)
            """);
        var neverSynced = await check.CheckHealthAsync(new HealthCheckContext());
        await ExecuteAsync(connectionString, "UPDATE crmsync.sync_state SET last_success_at = '2026-06-01 11:40:00+00' WHERE source = 'case'");
        var fresh = await check.CheckHealthAsync(new HealthCheckContext());
        clock.Now = clock.Now.AddMinutes(16);
        var stale = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, empty.Status);
        Assert.Equal((HealthStatus.Degraded, "No successful sync yet: case."), (neverSynced.Status, neverSynced.Description));
        Assert.Equal(HealthStatus.Healthy, fresh.Status);
        Assert.Equal("15 min", fresh.Data["account"]);
        Assert.Equal((HealthStatus.Unhealthy, "Last successful sync older than 30 minutes (Health:MaxSyncAgeMinutes): account, case."), (stale.Status, stale.Description));
    }

    [Fact]
    public void A_maximum_sync_age_out_of_range_is_refused_naming_the_key_and_value()
    {
        var result = new HealthOptionsValidator().Validate(null, new HealthOptions { MaxSyncAgeMinutes = 0 });

        Assert.Equal("Health:MaxSyncAgeMinutes must be between 1 and 10080 (a week) (was 0).", result.FailureMessage);
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

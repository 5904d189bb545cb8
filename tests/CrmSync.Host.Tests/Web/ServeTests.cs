using System.Net;
using System.Text.Json;
using CrmSync.Host.Dashboard;
using CrmSync.Host.Health;
using CrmSync.Host.Web;
using CrmSync.Store.Migrations;
using CrmSync.Testing;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmSync.Host.Tests.Web;

/// <summary>Boots the real <c>serve</c> host (Kestrel, Hangfire server, migrations) against a real PostgreSQL.</summary>
public sealed class ServeTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Health_is_200_once_the_host_has_migrated_and_the_dashboard_is_served_locally()
    {
        await using var app = await StartAsync(await server.CreateDatabaseAsync("serve"));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var health = await http.GetAsync(HealthEndpoints.Path);
        using var dashboard = await http.GetAsync(DashboardEndpoints.Path);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var database = body.RootElement.GetProperty("checks").GetProperty("database");
        Assert.Equal("Healthy", database.GetProperty("status").GetString());
        Assert.Equal(MigrationCatalog.Embedded.Migrations.Count, database.GetProperty("data").GetProperty("migrationsApplied").GetInt32());
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("CrmSync jobs", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hangfire_keeps_its_tables_in_its_own_schema_of_the_same_database()
    {
        var connectionString = await server.CreateDatabaseAsync("schemas");
        await using (await StartAsync(connectionString))
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'");
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task The_dashboard_admits_local_requests_and_refuses_remote_ones()
    {
        await using var app = await StartAsync(await server.CreateDatabaseAsync("dashboard"));
        var options = DashboardEndpoints.CreateOptions(app.Services.GetRequiredService<DashboardAuthorizationFilter>());

        Assert.True(Authorize(app.Services, options, remote: "127.0.0.1", local: "127.0.0.1"));
        Assert.True(Authorize(app.Services, options, remote: "::1", local: "::1"));
        Assert.False(Authorize(app.Services, options, remote: "203.0.113.7", local: "10.0.0.5"));
    }

    [Fact]
    public async Task The_database_check_is_unhealthy_while_migrations_are_pending()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("pending"));
        var migrations = new MigrationRunner(dataSource, MigrationCatalog.Embedded, NullLogger<MigrationRunner>.Instance);
        var check = new DatabaseHealthCheck(migrations);

        var before = await check.CheckHealthAsync(new HealthCheckContext());
        await migrations.MigrateAsync(default);
        var after = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains("0001_crmsync_schema.sql", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task An_unreachable_database_is_unhealthy_without_its_password()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Password=do-not-print-me;Timeout=2");
        var check = new DatabaseHealthCheck(new MigrationRunner(dataSource, MigrationCatalog.Embedded, NullLogger<MigrationRunner>.Instance));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Database unreachable", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("do-not-print-me", result.Description, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(string connectionString)
    {
        var app = await CrmSyncWebApplication.BuildAsync(
            [new("ConnectionStrings:CrmSync", connectionString), new("Jobs:WorkerCount", "1"), new("Logging:LogLevel:Default", "Warning")],
            "http://127.0.0.1:0",
            CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    private static bool Authorize(IServiceProvider services, DashboardOptions options, string remote, string local)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        http.Connection.LocalIpAddress = IPAddress.Parse(local);
        var context = new AspNetCoreDashboardContext(services.GetRequiredService<JobStorage>(), options, http);
        return options.Authorization.All(filter => filter.Authorize(context));
    }
}

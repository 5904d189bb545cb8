using CrmSync.Store.Migrations;

namespace CrmSync.Host.Database;

/// <summary>Brings the schema up to date before the job server starts (hosted services start in order).</summary>
internal sealed class MigrateOnStart(MigrationRunner migrations) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrations.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

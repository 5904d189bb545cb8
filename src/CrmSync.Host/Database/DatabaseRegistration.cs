using CrmSync.Host.Configuration;
using CrmSync.Store;

namespace CrmSync.Host.Database;

public static class DatabaseRegistration
{
    /// <summary>
    /// The configured PostgreSQL, or the embedded one started (or reused) now, plus the store's
    /// services and the migrations applied when the host starts.
    /// </summary>
    public static async Task AddCrmSyncDatabaseAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        using (var bootstrapLogging = LoggerFactory.Create(logging => logging.AddCrmSyncLogging(builder.Configuration, LogLevel.Information)))
        {
            await builder.StartEmbeddedPostgresIfUnconfiguredAsync(bootstrapLogging, cancellationToken);
        }

        builder.Services.AddCrmSyncStore();
        builder.Services.AddHostedService<MigrateOnStart>();
    }
}

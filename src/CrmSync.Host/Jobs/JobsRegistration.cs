using CrmSync.Salesforce;
using CrmSync.Sync;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Host.Jobs;

public static class JobsRegistration
{
    /// <summary>Hangfire on PostgreSQL (its own schema in CrmSync's database) and this process's job server.</summary>
    public static IServiceCollection AddCrmSyncJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();

        services.AddHangfire((provider, configuration) =>
        {
            var options = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(
                    bootstrap => bootstrap.UseConnectionFactory(new DataSourceConnectionFactory(provider.GetRequiredService<NpgsqlDataSource>())),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = options.SchemaName,
                        PrepareSchemaIfNecessary = true,
                        InvisibilityTimeout = TimeSpan.FromMinutes(options.InvisibilityTimeoutMinutes),
                        UseSlidingInvisibilityTimeout = true,
                        QueuePollInterval = TimeSpan.FromSeconds(options.QueuePollIntervalSeconds),
                    });
        });
        services.AddTransient<SyncObjectJob>();
        services.AddHangfireServer((provider, server) =>
        {
            var options = provider.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.Queues = options.Queues;
        });
        return services;
    }

    /// <summary>The Salesforce client, the sync engine and one recurring sync job per mapped source.</summary>
    public static IServiceCollection AddCrmSyncSyncJobs(this IServiceCollection services)
    {
        services.AddSalesforce().AddCrmSyncSync();
        services.AddHostedService<SyncSchedule>();
        return services;
    }
}

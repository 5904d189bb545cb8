using CrmSync.Host.Pipeline;
using CrmSync.Salesforce;
using CrmSync.Sync;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Host.Jobs;

public static class JobsRegistration
{
    /// <summary>Hangfire on PostgreSQL (its own schema in CrmSync's database) and this process's job server.</summary>
    public static IServiceCollection AddCrmSyncJobs(this IServiceCollection services)
    {
        services.AddJobsOptions();
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
            server.Queues = options.EffectiveQueues;

            // This server's own filters (Hangfire's global ones are process-wide, and tests build many hosts).
            var filters = new JobFilterCollection { new PipelineFailureFilter(provider.GetRequiredService<IServiceScopeFactory>()) };
            server.FilterProvider = new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
        });
        return services;
    }

    /// <summary>The <c>Jobs</c> section (schedules, queues, the pipeline's as-of), validated at start.</summary>
    public static IServiceCollection AddJobsOptions(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>());
        return services;
    }

    /// <summary>The Salesforce client, the sync engine, one recurring sync job per mapped source, and the pipeline's jobs.</summary>
    public static IServiceCollection AddCrmSyncSyncJobs(this IServiceCollection services)
    {
        services.AddSalesforce().AddCrmSyncSync();
        services.AddHostedService<SyncSchedule>();
        services.AddCrmSyncPipelineJobs();
        return services;
    }
}

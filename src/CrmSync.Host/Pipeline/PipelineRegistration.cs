using CrmSync.Host.Telemetry;
using CrmSync.Metrics;
using CrmSync.Salesforce;
using CrmSync.Sync;
using CrmSync.WriteBack;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmSync.Host.Pipeline;

public static class PipelineRegistration
{
    /// <summary>What a pipeline run needs, foreground or not: sync, compute, write-back and the run's record.</summary>
    public static IServiceCollection AddCrmSyncPipeline(this IServiceCollection services)
    {
        services.AddSalesforce().AddCrmSyncSync().AddCrmSyncMetrics().AddCrmSyncWriteBack();
        services.AddMetrics();
        services.TryAddSingleton<CrmSyncMetrics>();
        services.TryAddSingleton<PipelineStore>();
        services.AddTransient<PipelineCoordinator>();
        services.AddTransient<PipelineSteps>();
        return services;
    }

    /// <summary>The pipeline as Hangfire jobs: the recurring <c>pipeline</c> job and one job per step.</summary>
    public static IServiceCollection AddCrmSyncPipelineJobs(this IServiceCollection services)
    {
        services.AddCrmSyncPipeline();
        services.AddTransient<PipelineDispatcher>();
        services.AddTransient<PipelineJob>();
        services.AddTransient<PipelineStepJobs>();
        services.AddHostedService<PipelineSchedule>();
        return services;
    }
}

using CrmSync.Metrics.Explain;
using CrmSync.Metrics.Lifetime;
using CrmSync.Metrics.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmSync.Metrics;

public static class MetricsServiceCollectionExtensions
{
    /// <summary>The compute side: KPI and CLV settings (validated on start), the run, and <c>kpi explain</c>.</summary>
    public static IServiceCollection AddCrmSyncMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>());
        services.AddOptions<ClvSettings>().BindConfiguration(ClvSettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClvSettings>, ClvSettingsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<MetricRunner>();
        services.TryAddTransient<KpiExplainer>();
        return services;
    }
}

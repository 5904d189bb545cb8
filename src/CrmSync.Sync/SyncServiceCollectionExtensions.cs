using CrmSync.Store.Synced;
using CrmSync.Sync.Deletes;
using CrmSync.Sync.Pull;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmSync.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The pull side: options (validated on start), the puller, the reconciler and the store writers it uses.</summary>
    public static IServiceCollection AddCrmSyncSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncedTableWriter>();
        services.TryAddSingleton<SyncStateStore>();
        services.TryAddSingleton<SyncHistoryStore>();
        services.TryAddSingleton<DescribeCacheStore>();
        services.TryAddTransient<DescribeCache>();
        services.TryAddTransient<IdReconciler>();
        services.TryAddTransient<ObjectPuller>();
        services.TryAddTransient<SyncRunner>();
        return services;
    }
}

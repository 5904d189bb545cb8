using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Results;
using CrmSync.WriteBack.Snapshots;
using CrmSync.WriteBack.Targets;
using CrmSync.WriteBack.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmSync.WriteBack;

public static class WriteBackServiceCollectionExtensions
{
    /// <summary>The write-back: options (validated on start), the ledger, both transports and the runner. Needs the store and AddSalesforce().</summary>
    public static IServiceCollection AddCrmSyncWriteBack(this IServiceCollection services)
    {
        services.AddOptions<WriteBackOptions>().BindConfiguration(WriteBackOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WriteBackOptions>, WriteBackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResultSource, AccountResults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResultSource, SnapshotResults>());
        services.TryAddTransient<TargetDescribes>();
        services.TryAddTransient<LedgerWriter>();
        services.TryAddTransient<CollectionsTransport>();
        services.TryAddTransient<BulkTransport>();
        services.TryAddTransient<TargetWriteBack>();
        services.TryAddTransient<WriteBackRunner>();
        return services;
    }
}

using System.Text.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Store.Synced;
using Microsoft.Extensions.Options;

namespace CrmSync.Sync.Pull;

/// <summary>
/// The describes a pull needs, from the store while younger than <see cref="SyncOptions.DescribeMaxAgeMinutes"/>,
/// else from Salesforce (and stored). Callers ask for a fresh one when the stored one cannot be right: a full pull,
/// a mapped field or object missing from it, or the org refusing a field it lists.
/// </summary>
public sealed class DescribeCache(ISalesforceClient salesforce, DescribeCacheStore store, IOptions<SyncOptions> options, TimeProvider clock)
{
    private const string GlobalKey = "*";

    public Task<SObjectDescribe> ObjectAsync(string objectName, bool fresh, CancellationToken cancellationToken) =>
        GetAsync(objectName, fresh, () => salesforce.DescribeAsync(objectName, cancellationToken), cancellationToken);

    public Task<DescribeGlobalResult> GlobalAsync(bool fresh, CancellationToken cancellationToken) =>
        GetAsync(GlobalKey, fresh, () => salesforce.DescribeGlobalAsync(cancellationToken), cancellationToken);

    private async Task<T> GetAsync<T>(string key, bool fresh, Func<Task<T>> fetch, CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromMinutes(options.Value.DescribeMaxAgeMinutes);
        if (!fresh && maxAge > TimeSpan.Zero && await store.GetAsync(key, cancellationToken) is { } cached
            && clock.GetUtcNow() - cached.FetchedAt < maxAge && JsonSerializer.Deserialize<T>(cached.Json) is { } describe)
        {
            return describe;
        }

        var fetched = await fetch();
        await store.SaveAsync(key, JsonSerializer.Serialize(fetched), clock.GetUtcNow(), cancellationToken);
        return fetched;
    }
}

using Refit;

namespace CrmSync.Salesforce.Rest;

/// <summary>Calls addressed from the instance root (not under <c>/services/data/vNN.0</c>).</summary>
public interface ISalesforceRootApi
{
    [Get("/services/data/")]
    Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(CancellationToken ct);

    /// <summary>Follows a <c>nextRecordsUrl</c> (given without its leading slash).</summary>
    [Get("/{**nextRecordsPath}")]
    Task<QueryPage<T>> GetNextQueryPageAsync<T>(
        string nextRecordsPath,
        [Header("Sforce-Query-Options")] string? queryOptions,
        CancellationToken ct);
}

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

    /// <summary>The identity URL of the session (<c>/id/{orgId}/{userId}</c>), served by the instance too.</summary>
    [Get("/{**identityPath}")]
    Task<IdentityInfo> GetIdentityAsync(string identityPath, CancellationToken ct);

    [Get("/services/apexrest/{**path}")]
    Task<HttpResponseMessage> GetApexRestAsync(string path, CancellationToken ct);

    [Post("/services/apexrest/{**path}")]
    Task<HttpResponseMessage> PostApexRestAsync(string path, [Body] object? body, CancellationToken ct);
}

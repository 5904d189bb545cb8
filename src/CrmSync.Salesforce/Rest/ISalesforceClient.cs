using CrmSync.Salesforce.Json;

namespace CrmSync.Salesforce.Rest;

/// <summary>
/// The REST side of the org. Records come back as <typeparamref name="T"/>: <see cref="System.Text.Json.JsonElement"/>
/// for raw rows, or a class deriving from <see cref="SObject"/> for typed ones.
/// </summary>
public interface ISalesforceClient
{
    /// <summary>Streams every row of a SOQL query, page by page (<c>nextRecordsUrl</c>), with flat memory.</summary>
    IAsyncEnumerable<T> QueryAsync<T>(string soql, CancellationToken ct = default);

    /// <summary>Like <see cref="QueryAsync{T}"/> but through <c>queryAll</c>: includes deleted and archived rows.</summary>
    IAsyncEnumerable<T> QueryAllAsync<T>(string soql, CancellationToken ct = default);

    /// <summary>
    /// <see cref="QueryAllAsync{T}"/> page by page; each page carries <c>totalSize</c>, the rows the whole query matches,
    /// so a caller can stop after the first page (nothing more is asked for until it reads on).
    /// </summary>
    IAsyncEnumerable<QueryPage<T>> QueryAllPagesAsync<T>(string soql, CancellationToken ct = default);

    /// <summary>The first row of the first page, or default when the query matches nothing.</summary>
    Task<T?> QuerySingleAsync<T>(string soql, CancellationToken ct = default);

    /// <summary>SOSL, e.g. <c>FIND {Acme} IN NAME FIELDS RETURNING Account(Id, Name)</c>.</summary>
    Task<SearchResult<T>> SearchAsync<T>(string sosl, CancellationToken ct = default);

    /// <summary><c>SELECT COUNT() FROM …</c>: the row count Salesforce reports as <c>totalSize</c>.</summary>
    Task<int> CountAsync(string soql, CancellationToken ct = default);

    Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(CancellationToken ct = default);

    Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken ct = default);

    Task<DescribeGlobalResult> DescribeGlobalAsync(CancellationToken ct = default);

    Task<SObjectDescribe> DescribeAsync(string objectName, CancellationToken ct = default);

    Task<SObjectBasicInfo> GetBasicInfoAsync(string objectName, CancellationToken ct = default);

    /// <summary>Who the configured integration user is, from the session's identity URL.</summary>
    Task<IdentityInfo> GetIdentityAsync(CancellationToken ct = default);

    Task<T> GetRecordAsync<T>(string objectName, string id, IEnumerable<string>? fields = null, CancellationToken ct = default);

    Task<SaveResult> CreateRecordAsync(string objectName, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default);

    Task UpdateRecordAsync(string objectName, string id, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default);

    /// <summary>Inserts or updates by external id; <see cref="SaveResult.Created"/> says which.</summary>
    Task<SaveResult> UpsertRecordAsync(string objectName, string externalIdField, string externalId,
        IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default);

    Task DeleteRecordAsync(string objectName, string id, CancellationToken ct = default);

    Task<UpdatedRecords> GetUpdatedAsync(string objectName, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default);

    Task<DeletedRecords> GetDeletedAsync(string objectName, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default);

    Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken ct = default);

    /// <summary>Inserts up to 200 records with their children in one transaction (sObject tree).</summary>
    Task<SObjectTreeResponse> CreateTreeAsync(string objectName, IReadOnlyList<SObjectTreeRecord> records, CancellationToken ct = default);

    /// <summary>The content of a blob field (e.g. <c>Attachment.Body</c>); dispose the stream when done.</summary>
    Task<Stream> OpenBlobAsync(string objectName, string id, string blobField, CancellationToken ct = default);

    /// <summary>Calls a custom Apex REST resource under <c>/services/apexrest/</c>; a null body sends a GET.</summary>
    Task<T?> CallApexRestAsync<T>(string path, object? body = null, CancellationToken ct = default);
}

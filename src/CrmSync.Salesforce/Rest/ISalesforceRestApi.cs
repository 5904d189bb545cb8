using Refit;

namespace CrmSync.Salesforce.Rest;

/// <summary>
/// REST API calls under <c>/services/data/vNN.0</c> (the version comes from <c>Salesforce:ApiVersion</c>).
/// Reference: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_list.htm
/// </summary>
public interface ISalesforceRestApi
{
    [Get("/limits")]
    Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken ct);

    [Get("/sobjects")]
    Task<DescribeGlobalResult> DescribeGlobalAsync(CancellationToken ct);

    [Get("/sobjects/{objectName}/describe")]
    Task<SObjectDescribe> DescribeAsync(string objectName, CancellationToken ct);

    [Get("/query")]
    Task<QueryPage<T>> QueryAsync<T>([AliasAs("q")] string soql, [Header("Sforce-Query-Options")] string? queryOptions, CancellationToken ct);

    [Get("/queryAll")]
    Task<QueryPage<T>> QueryAllAsync<T>([AliasAs("q")] string soql, [Header("Sforce-Query-Options")] string? queryOptions, CancellationToken ct);

    [Get("/sobjects/{objectName}/{id}")]
    Task<T> GetRecordAsync<T>(string objectName, string id, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields, CancellationToken ct);

    [Post("/sobjects/{objectName}")]
    Task<SaveResult> CreateRecordAsync(string objectName, [Body] IReadOnlyDictionary<string, object?> fields, CancellationToken ct);

    [Patch("/sobjects/{objectName}/{id}")]
    Task UpdateRecordAsync(string objectName, string id, [Body] IReadOnlyDictionary<string, object?> fields, CancellationToken ct);

    /// <summary>201 with a body when created; 200 with a body (API 46+) or 204 when updated.</summary>
    [Patch("/sobjects/{objectName}/{externalIdField}/{externalId}")]
    Task<HttpResponseMessage> UpsertRecordAsync(string objectName, string externalIdField, string externalId,
        [Body] IReadOnlyDictionary<string, object?> fields, CancellationToken ct);

    [Delete("/sobjects/{objectName}/{id}")]
    Task DeleteRecordAsync(string objectName, string id, CancellationToken ct);

    [Get("/sobjects/{objectName}/updated/")]
    Task<UpdatedRecords> GetUpdatedAsync(string objectName, [Query] string start, [Query] string end, CancellationToken ct);

    [Get("/sobjects/{objectName}/deleted/")]
    Task<DeletedRecords> GetDeletedAsync(string objectName, [Query] string start, [Query] string end, CancellationToken ct);

    [Post("/composite")]
    Task<CompositeResponse> CompositeAsync([Body] CompositeRequest request, CancellationToken ct);

    [Post("/composite/sobjects")]
    Task<IReadOnlyList<SaveResult>> CreateCollectionAsync([Body] CollectionRequest request, CancellationToken ct);

    [Patch("/composite/sobjects")]
    Task<IReadOnlyList<SaveResult>> UpdateCollectionAsync([Body] CollectionRequest request, CancellationToken ct);

    [Patch("/composite/sobjects/{objectName}/{externalIdField}")]
    Task<IReadOnlyList<SaveResult>> UpsertCollectionAsync(string objectName, string externalIdField,
        [Body] CollectionRequest request, CancellationToken ct);

    [Delete("/composite/sobjects")]
    Task<IReadOnlyList<SaveResult>> DeleteCollectionAsync([Query(CollectionFormat.Csv)] IEnumerable<string> ids, bool allOrNone, CancellationToken ct);

    [Get("/search")]
    Task<SearchResult<T>> SearchAsync<T>([AliasAs("q")] string sosl, CancellationToken ct);

    [Get("/sobjects/{objectName}")]
    Task<SObjectBasicInfo> GetBasicInfoAsync(string objectName, CancellationToken ct);

    [Post("/composite/tree/{objectName}")]
    Task<SObjectTreeResponse> CreateTreeAsync(string objectName, [Body] Dictionary<string, object?> request, CancellationToken ct);

    /// <summary>A blob field's content, e.g. <c>/sobjects/Attachment/{id}/Body</c>.</summary>
    [Get("/sobjects/{objectName}/{id}/{blobField}")]
    Task<HttpResponseMessage> GetBlobAsync(string objectName, string id, string blobField, CancellationToken ct);

    /// <summary>Records by id; an id that does not exist (or is not visible) comes back as null in its place.</summary>
    [Get("/composite/sobjects/{objectName}")]
    Task<IReadOnlyList<T?>> RetrieveCollectionAsync<T>(string objectName, [Query(CollectionFormat.Csv)] IEnumerable<string> ids,
        [Query(CollectionFormat.Csv)] IEnumerable<string> fields, CancellationToken ct);
}

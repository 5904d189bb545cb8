namespace CrmSync.Salesforce.Rest;

/// <summary>
/// One page of a SOQL result (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm).
/// The last page has <c>done: true</c> and no <c>nextRecordsUrl</c>. Also the shape of a child subquery inside a record.
/// </summary>
public sealed record QueryPage<T>(int TotalSize, bool Done, string? NextRecordsUrl, IReadOnlyList<T> Records);

using System.Text.Json;
using System.Text.Json.Serialization;
using CrmSync.Salesforce.Json;

namespace CrmSync.Salesforce.Rest;

/// <summary>
/// <c>POST /composite</c> (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm):
/// up to 25 subrequests; later ones can reference earlier results as <c>@{referenceId.id}</c>.
/// </summary>
public sealed record CompositeRequest(
    bool AllOrNone,
    [property: JsonPropertyName("compositeRequest")] IReadOnlyList<CompositeSubrequest> Subrequests)
{
    public bool? CollateSubrequests { get; init; }
}

/// <summary><paramref name="Url"/> is the full path, e.g. <c>/services/data/v62.0/sobjects/Account/001…</c>.</summary>
public sealed record CompositeSubrequest(string Method, string Url, string ReferenceId, object? Body = null)
{
    public IReadOnlyDictionary<string, string>? HttpHeaders { get; init; }
}

public sealed record CompositeResponse(
    [property: JsonPropertyName("compositeResponse")] IReadOnlyList<CompositeSubresponse> Subresponses);

/// <summary>A subrequest's outcome; <see cref="Body"/> is a record, a save result, or an error array.</summary>
public sealed record CompositeSubresponse(
    JsonElement Body,
    IReadOnlyDictionary<string, string>? HttpHeaders,
    int HttpStatusCode,
    string ReferenceId);

/// <summary>Body of the sObject Collections create/update/upsert calls.</summary>
public sealed record CollectionRequest(bool AllOrNone, IReadOnlyList<SObjectRecord> Records);

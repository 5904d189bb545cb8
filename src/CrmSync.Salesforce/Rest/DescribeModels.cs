using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Rest;

/// <summary><c>GET /services/data/</c>: one entry per API version the org speaks.</summary>
public sealed record ApiVersionInfo(string Label, string Url, string Version);

/// <summary>One entry of <c>/limits</c>, e.g. <c>"DailyApiRequests":{"Max":15000,"Remaining":14998}</c>.</summary>
public sealed record OrgLimit(long Max, long Remaining);

/// <summary><c>GET /sobjects</c> (describe global).</summary>
public sealed record DescribeGlobalResult(string? Encoding, int MaxBatchSize, IReadOnlyList<SObjectSummary> Sobjects);

public sealed record SObjectSummary(
    string Name,
    string Label,
    string? KeyPrefix,
    bool Custom,
    bool Queryable,
    bool Createable,
    bool Updateable,
    bool Deletable,
    bool Replicateable,
    bool Retrieveable);

/// <summary><c>GET /sobjects/{Object}/describe</c>.</summary>
public sealed record SObjectDescribe(
    string Name,
    string Label,
    string? KeyPrefix,
    bool Custom,
    bool Queryable,
    bool Createable,
    bool Updateable,
    IReadOnlyList<FieldDescribe> Fields);

/// <summary>One field of an object's describe; <see cref="Type"/> is Salesforce's (string, double, currency, date, datetime, reference…).</summary>
public sealed record FieldDescribe(
    string Name,
    string Label,
    string Type,
    string? SoapType,
    int Length,
    int Precision,
    int Scale,
    int Digits,
    bool Createable,
    bool Updateable,
    bool Calculated,
    bool Nillable,
    bool ExternalId,
    bool Unique,
    bool Filterable,
    IReadOnlyList<string>? ReferenceTo,
    string? RelationshipName,
    IReadOnlyList<PicklistEntry>? PicklistValues);

public sealed record PicklistEntry(string Value, string? Label, bool Active, bool DefaultValue);

/// <summary><c>GET /sobjects/{Object}/updated/?start=&amp;end=</c>.</summary>
public sealed record UpdatedRecords(IReadOnlyList<string> Ids, DateTimeOffset LatestDateCovered);

/// <summary><c>GET /sobjects/{Object}/deleted/?start=&amp;end=</c>.</summary>
public sealed record DeletedRecords(
    [property: JsonPropertyName("deletedRecords")] IReadOnlyList<DeletedRecord> Records,
    DateTimeOffset? EarliestDateAvailable,
    DateTimeOffset LatestDateCovered);

public sealed record DeletedRecord(string Id, DateTimeOffset DeletedDate);

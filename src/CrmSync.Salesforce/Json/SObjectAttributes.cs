using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Json;

/// <summary>The <c>attributes</c> object Salesforce puts first in every record: <c>{"type":"Account","url":"/services/data/v62.0/sobjects/Account/001…"}</c>.</summary>
public sealed record SObjectAttributes(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("url")] string? Url = null);

/// <summary>Base for typed records: carries <c>attributes</c>; subclasses add fields (nullable for parents and child subqueries that may be null).</summary>
public abstract class SObject
{
    [JsonPropertyName("attributes")]
    public SObjectAttributes? Attributes { get; set; }
}

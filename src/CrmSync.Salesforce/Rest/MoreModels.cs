using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Rest;

/// <summary>SOSL result (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search.htm).</summary>
public sealed record SearchResult<T>(IReadOnlyList<T> SearchRecords);

/// <summary><c>GET /sobjects/{Object}</c>: the object's summary and the user's recently viewed records.</summary>
public sealed record SObjectBasicInfo(SObjectSummary ObjectDescribe, IReadOnlyList<JsonElement>? RecentItems);

/// <summary>
/// One record of an sObject tree insert (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobject_tree.htm);
/// child records go in <paramref name="Fields"/> as <c>{"records":[…]}</c> under the relationship name.
/// </summary>
public sealed record SObjectTreeRecord(string ObjectType, string ReferenceId, IReadOnlyDictionary<string, object?> Fields)
{
    internal Dictionary<string, object?> ToWire()
    {
        var wire = new Dictionary<string, object?>(Fields.Count + 1, StringComparer.Ordinal)
        {
            ["attributes"] = new Dictionary<string, string> { ["type"] = ObjectType, ["referenceId"] = ReferenceId },
        };
        foreach (var (name, value) in Fields)
        {
            wire[name] = value is IEnumerable<SObjectTreeRecord> children
                ? new Dictionary<string, object?> { ["records"] = children.Select(c => c.ToWire()).ToList() }
                : value;
        }

        return wire;
    }
}

public sealed record SObjectTreeResponse(bool HasErrors, IReadOnlyList<SObjectTreeResult> Results);

public sealed record SObjectTreeResult(string ReferenceId, string? Id);

/// <summary>The identity service answer (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm), trimmed to what admins need.</summary>
public sealed record IdentityInfo(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("email")] string? Email);

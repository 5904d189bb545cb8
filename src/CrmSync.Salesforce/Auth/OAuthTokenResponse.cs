using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Auth;

/// <summary>
/// Token endpoint success body (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm):
/// <c>access_token</c>, <c>instance_url</c>, <c>id</c>, <c>token_type</c>, <c>issued_at</c>, <c>signature</c>; no <c>expires_in</c>.
/// </summary>
internal sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("issued_at")] string? IssuedAt)
{
    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"OAuthTokenResponse {{ instance_url = {InstanceUrl}, token redacted }}";
}

namespace CrmSync.Salesforce;

/// <summary>The OAuth 2.0 flows CrmSync can log in with.</summary>
public enum SalesforceAuthFlow
{
    Password,
    RefreshToken,
    ClientCredentials,
    JwtBearer,
}

internal static class SalesforceAuthFlows
{
    /// <summary>Configuration spellings, in the order an admin reads them.</summary>
    public static readonly IReadOnlyList<(string Name, SalesforceAuthFlow Flow)> Names =
    [
        ("password", SalesforceAuthFlow.Password),
        ("refresh_token", SalesforceAuthFlow.RefreshToken),
        ("client_credentials", SalesforceAuthFlow.ClientCredentials),
        ("jwt", SalesforceAuthFlow.JwtBearer),
    ];

    public static bool TryParse(string? value, out SalesforceAuthFlow flow)
    {
        foreach (var (name, candidate) in Names)
        {
            if (string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                flow = candidate;
                return true;
            }
        }

        flow = default;
        return false;
    }

    public static SalesforceAuthFlow Parse(string? value) =>
        TryParse(value, out var flow)
            ? flow
            : throw new InvalidOperationException($"Unknown Salesforce auth flow '{value}'.");
}

namespace CrmSync.Salesforce.Auth;

/// <summary>
/// A logged-in session. Salesforce returns no expiry, so a session lives until a call answers
/// <c>401 INVALID_SESSION_ID</c>. <see cref="Generation"/> lets concurrent callers tell whether someone already renewed it.
/// </summary>
public sealed class SalesforceSession
{
    internal SalesforceSession(string accessToken, Uri instanceUrl, string? identityUrl, long generation)
    {
        AccessToken = accessToken;
        InstanceUrl = instanceUrl;
        IdentityUrl = identityUrl;
        Generation = generation;
    }

    internal string AccessToken { get; }

    public Uri InstanceUrl { get; }

    /// <summary>The identity URL (<c>https://login.salesforce.com/id/00D…/005…</c>): org and user ids, no secret.</summary>
    public string? IdentityUrl { get; }

    public long Generation { get; }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"Salesforce session #{Generation} on {InstanceUrl.Host} (token redacted)";
}

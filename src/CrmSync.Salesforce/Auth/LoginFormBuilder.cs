namespace CrmSync.Salesforce.Auth;

/// <summary>The form fields the token endpoint expects for each flow.</summary>
internal static class LoginFormBuilder
{
    public const string JwtBearerGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static IReadOnlyList<KeyValuePair<string, string>> Build(SalesforceOptions options, TimeProvider clock)
    {
        var form = new List<KeyValuePair<string, string>>();
        switch (options.ParsedAuthFlow)
        {
            case SalesforceAuthFlow.Password:
                Add(form, "grant_type", "password");
                Add(form, "client_id", options.ClientId);
                Add(form, "client_secret", options.ClientSecret);
                Add(form, "username", options.Username);
                Add(form, "password", options.Password);
                break;
            case SalesforceAuthFlow.RefreshToken:
                Add(form, "grant_type", "refresh_token");
                Add(form, "client_id", options.ClientId);
                Add(form, "client_secret", options.ClientSecret);
                Add(form, "refresh_token", options.RefreshToken);
                break;
            case SalesforceAuthFlow.ClientCredentials:
                Add(form, "grant_type", "client_credentials");
                Add(form, "client_id", options.ClientId);
                Add(form, "client_secret", options.ClientSecret);
                break;
            case SalesforceAuthFlow.JwtBearer:
                var pem = File.ReadAllText(options.PrivateKeyPath!);
                Add(form, "grant_type", JwtBearerGrantType);
                Add(form, "assertion", JwtBearerAssertion.Create(options.ClientId!, options.Username!, options.JwtAudienceUri, pem, clock.GetUtcNow()));
                break;
        }

        return form;
    }

    private static void Add(List<KeyValuePair<string, string>> form, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            form.Add(new(name, value));
        }
    }
}

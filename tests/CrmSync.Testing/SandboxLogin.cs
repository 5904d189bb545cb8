namespace CrmSync.Testing;

/// <summary>The configuration that points CrmSync at a sandbox with its default login (see the CLI spec).</summary>
public static class SandboxLogin
{
    public static Dictionary<string, string?> Settings(Uri sandbox) => new()
    {
        ["Salesforce:LoginUrl"] = sandbox.ToString(),
        ["Salesforce:AuthFlow"] = "password",
        ["Salesforce:ClientId"] = "crmsync-sandbox",
        ["Salesforce:ClientSecret"] = "sandbox-secret",
        ["Salesforce:Username"] = "admin@sandbox.crmsync",
        ["Salesforce:Password"] = "sandbox",
    };
}

using System.Security.Cryptography;
using CrmSync.Salesforce.Auth;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;

namespace CrmSync.Integration.Tests;

/// <summary>Each login flow of the client accepted by the sandbox's independent OAuth implementation.</summary>
public sealed class AuthFlowsAgainstSandboxTests
{
    private static readonly SandboxSettings Org = new() { Port = 0, Seed = 1, Accounts = 20 };

    [Theory]
    [InlineData("password")]
    [InlineData("refresh_token")]
    [InlineData("client_credentials")]
    public async Task The_sandbox_accepts_the_flow(string flow)
    {
        await using var org = await SandboxOrg.StartAsync(Org, new()
        {
            ["Salesforce:AuthFlow"] = flow,
            ["Salesforce:RefreshToken"] = Org.RefreshToken,
        });

        var versions = await org.Get<ISalesforceClient>().GetVersionsAsync();

        Assert.Contains(versions, v => v.Version == "62.0");
        Assert.Equal(1, (await org.Get<ISalesforceSessionProvider>().GetSessionAsync(default)).Generation);
    }

    [Fact]
    public async Task The_sandbox_verifies_the_jwt_assertion_signed_with_the_configured_key()
    {
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(Path.GetTempPath(), $"crmsync-it-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            await using var org = await SandboxOrg.StartAsync(Org with { JwtCertificatePem = rsa.ExportSubjectPublicKeyInfoPem() }, new()
            {
                ["Salesforce:AuthFlow"] = "jwt",
                ["Salesforce:PrivateKeyPath"] = keyPath,
            });

            var limits = await org.Get<ISalesforceClient>().GetLimitsAsync();

            Assert.True(limits.ContainsKey("DailyApiRequests"));
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    [Fact]
    public async Task A_jwt_signed_with_another_key_is_refused_with_the_oauth_error()
    {
        using var configured = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var keyPath = Path.Combine(Path.GetTempPath(), $"crmsync-it-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, other.ExportPkcs8PrivateKeyPem());
        try
        {
            await using var org = await SandboxOrg.StartAsync(Org with { JwtCertificatePem = configured.ExportSubjectPublicKeyInfoPem() }, new()
            {
                ["Salesforce:AuthFlow"] = "jwt",
                ["Salesforce:PrivateKeyPath"] = keyPath,
            });

            var error = await Assert.ThrowsAsync<CrmSync.Salesforce.Errors.SalesforceAuthException>(() => org.Get<ISalesforceClient>().GetLimitsAsync());

            Assert.Equal("invalid_grant", error.ErrorCode);
        }
        finally
        {
            File.Delete(keyPath);
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

/// <summary>A sandbox trusting a certificate whose key pair is generated per run: no private key is committed anywhere.</summary>
public sealed class JwtSandboxFixture : IAsyncLifetime
{
    public RSA Key { get; } = RSA.Create(2048);

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var request = new CertificateRequest("CN=crmsync-sandbox-test", Key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 10, JwtCertificatePem = certificate.ExportCertificatePem() });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Key.Dispose();
    }
}

public sealed class JwtBearerTests(JwtSandboxFixture sandbox) : IClassFixture<JwtSandboxFixture>
{
    [Fact]
    public async Task A_signed_assertion_for_the_consumer_key_and_user_gets_a_token()
    {
        var (status, body) = await GrantAsync(Assertion(sandbox.Key, "crmsync-sandbox", "admin@sandbox.crmsync", sandbox.Server.BaseUri.ToString().TrimEnd('/'), TimeSpan.FromMinutes(3)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.False(body.TryGetProperty("expires_in", out _));
    }

    [Fact]
    public async Task The_login_salesforce_com_audience_is_accepted_too()
    {
        var (status, _) = await GrantAsync(Assertion(sandbox.Key, "crmsync-sandbox", "admin@sandbox.crmsync", "https://login.salesforce.com", TimeSpan.FromMinutes(3)));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("other-app", "admin@sandbox.crmsync", "https://login.salesforce.com", 3, "invalid client credentials")]
    [InlineData("crmsync-sandbox", "admin@sandbox.crmsync", "https://evil.example.com", 3, "audience is invalid")]
    [InlineData("crmsync-sandbox", "admin@sandbox.crmsync", "https://login.salesforce.com", -3, "expired authorization code")]
    [InlineData("crmsync-sandbox", "someone@else", "https://login.salesforce.com", 3, "user hasn't approved this consumer")]
    public async Task Bad_claims_are_invalid_grant(string issuer, string subject, string audience, int expiresInMinutes, string description)
    {
        var (status, body) = await GrantAsync(Assertion(sandbox.Key, issuer, subject, audience, TimeSpan.FromMinutes(expiresInMinutes)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task An_assertion_signed_by_another_key_is_rejected()
    {
        using var stranger = RSA.Create(2048);
        var (status, body) = await GrantAsync(Assertion(stranger, "crmsync-sandbox", "admin@sandbox.crmsync", "https://login.salesforce.com", TimeSpan.FromMinutes(3)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid assertion", body.GetProperty("error_description").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GrantAsync(string assertion)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUri };
        using var response = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        }));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Assertion(RSA signer, string issuer, string subject, string audience, TimeSpan expiresIn)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256" }));
        var exp = DateTimeOffset.UtcNow.Add(expiresIn).ToUnixTimeSeconds();
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { iss = issuer, sub = subject, aud = audience, exp }));
        var signature = signer.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

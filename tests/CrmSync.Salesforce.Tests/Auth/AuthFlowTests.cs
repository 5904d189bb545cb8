using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmSync.Salesforce.Tests.Auth;

public sealed class AuthFlowTests
{
    private static Dictionary<string, string> Form(SalesforceStub stub)
    {
        var body = Assert.Single(stub.Requests("/services/oauth2/token")).RequestMessage.Body!;
        var parsed = HttpUtility.ParseQueryString(body);
        return parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!);
    }

    private static async Task CallLimitsAsync(SalesforceStub stub)
    {
        stub.StubGet(SalesforceStub.DataPath + "/limits", DocExamples.Limits);
        await stub.Get<ISalesforceClient>().GetLimitsAsync();
    }

    [Fact]
    public async Task Password_flow_posts_the_documented_form_and_uses_the_token_on_the_instance()
    {
        await using var stub = SalesforceStub.Start().StubLogin();

        await CallLimitsAsync(stub);

        var form = Form(stub);
        Assert.Equal("password", form["grant_type"]);
        Assert.Equal("3MVG9-test-client-id", form["client_id"]);
        Assert.Equal(SalesforceStub.ClientSecret, form["client_secret"]);
        Assert.Equal("integration@example.com", form["username"]);
        Assert.Equal(SalesforceStub.Password, form["password"]);
        var call = Assert.Single(stub.Requests(SalesforceStub.DataPath + "/limits")).RequestMessage;
        Assert.Equal("Bearer " + SalesforceStub.AccessToken, call.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task Refresh_token_flow_sends_the_refresh_token()
    {
        await using var stub = SalesforceStub.Start(new()
        {
            ["Salesforce:AuthFlow"] = "refresh_token",
            ["Salesforce:RefreshToken"] = "5Aep861refresh-token-value",
            ["Salesforce:Password"] = null,
        }).StubLogin();

        await CallLimitsAsync(stub);

        var form = Form(stub);
        Assert.Equal("refresh_token", form["grant_type"]);
        Assert.Equal("5Aep861refresh-token-value", form["refresh_token"]);
        Assert.Equal("3MVG9-test-client-id", form["client_id"]);
        Assert.False(form.ContainsKey("password"));
    }

    [Fact]
    public async Task Client_credentials_flow_sends_only_the_client()
    {
        await using var stub = SalesforceStub.Start(new() { ["Salesforce:AuthFlow"] = "client_credentials" }).StubLogin();

        await CallLimitsAsync(stub);

        var form = Form(stub);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(SalesforceStub.ClientSecret, form["client_secret"]);
        Assert.False(form.ContainsKey("username"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://login.salesforce.com")]
    public async Task Jwt_flow_sends_an_rs256_assertion_the_stub_verifies_with_the_public_key(string? configuredAudience)
    {
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(Path.GetTempPath(), $"crmsync-jwt-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        var publicKey = rsa.ExportSubjectPublicKeyInfo();
        try
        {
            await using var stub = SalesforceStub.Start(new()
            {
                ["Salesforce:AuthFlow"] = "jwt",
                ["Salesforce:PrivateKeyPath"] = keyPath,
                ["Salesforce:ClientSecret"] = null,
                ["Salesforce:Password"] = null,
                ["Salesforce:JwtAudience"] = configuredAudience,
            });
            var audience = configuredAudience ?? stub.Server.Url!;
            stub.Server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
                .RespondWith(Response.Create().WithCallback(request => VerifyJwtLogin(request, publicKey, audience)));

            await CallLimitsAsync(stub);

            Assert.Equal(1, stub.LoginCount);
            Assert.Single(stub.Requests(SalesforceStub.DataPath + "/limits"));
        }
        finally
        {
            File.Delete(keyPath);
        }
    }

    /// <summary>What Salesforce checks (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).</summary>
    private static ResponseMessage VerifyJwtLogin(IRequestMessage request, byte[] publicKey, string audience)
    {
        var form = HttpUtility.ParseQueryString(request.Body!);
        var parts = (form["assertion"] ?? string.Empty).Split('.');
        string? problem = null;
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || parts.Length != 3)
        {
            problem = "bad grant";
        }
        else
        {
            using var verifier = RSA.Create();
            verifier.ImportSubjectPublicKeyInfo(publicKey, out _);
            var signed = verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var header = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[0]));
            using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            var c = claims.RootElement;
            var exp = DateTimeOffset.FromUnixTimeSeconds(c.GetProperty("exp").GetInt64());
            problem = !signed ? "signature"
                : header.RootElement.GetProperty("alg").GetString() != "RS256" ? "alg"
                : c.GetProperty("iss").GetString() != "3MVG9-test-client-id" ? "iss"
                : c.GetProperty("sub").GetString() != "integration@example.com" ? "sub"
                : c.GetProperty("aud").GetString() != audience ? "aud"
                : exp <= DateTimeOffset.UtcNow || exp > DateTimeOffset.UtcNow.AddMinutes(5) ? "exp"
                : null;
        }

        var instance = request.Url[..request.Url.IndexOf("/services/", StringComparison.Ordinal)];
        var body = problem is null
            ? DocExamples.TokenResponse(SalesforceStub.AccessToken, instance)
            : $$"""{"error":"invalid_grant","error_description":"{{problem}}"}""";
        return SalesforceStub.Message(problem is null ? 200 : 400, body, usage: null);
    }

    [Fact]
    public async Task A_refused_login_becomes_an_auth_exception_with_the_oauth_error_and_no_secret()
    {
        await using var stub = SalesforceStub.Start();
        stub.Server.Given(Request.Create().WithPath("/services/oauth2/token").UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.BadRequest, DocExamples.OAuthInvalidGrant, usage: null));

        var error = await Assert.ThrowsAsync<SalesforceAuthException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("authentication failure", error.Description);
        Assert.DoesNotContain(SalesforceStub.Password, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SalesforceStub.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, stub.LoginCount);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>POST /services/oauth2/token with the password, refresh_token, client_credentials and JWT bearer grants.</summary>
internal static class OAuthEndpoints
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/services/oauth2/token", Token).DisableAntiforgery();
        app.MapPost("/services/oauth2/revoke", async (HttpRequest request, SandboxState state) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
            state.Sessions.Revoke(form?["token"].ToString() ?? request.Query["token"].ToString());
            return Results.Ok();
        }).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> Token(HttpRequest request, SandboxState state)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError("unsupported_grant_type", "grant type not supported");
        }
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var settings = state.Settings;
        var grant = form["grant_type"].ToString();
        var error = grant switch
        {
            "password" => ClientError(form, settings, requireSecret: true)
                ?? (form["username"] == settings.Username && form["password"] == settings.Password ? null : ("invalid_grant", "authentication failure")),
            "refresh_token" => ClientError(form, settings, requireSecret: false)
                ?? (form["refresh_token"] == settings.RefreshToken ? null : ("invalid_grant", "expired access/refresh token")),
            "client_credentials" => ClientError(form, settings, requireSecret: true),
            JwtBearer => JwtError(form["assertion"].ToString(), request, state),
            _ => ("unsupported_grant_type", "grant type not supported"),
        };
        if (error is { } failure)
        {
            return OAuthError(failure.Item1, failure.Item2);
        }
        var instance = $"{request.Scheme}://{request.Host}";
        var id = $"{instance}/id/{SessionStore.OrgId}/{SessionStore.UserId}";
        var issuedAt = settings.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.ClientSecret), Encoding.UTF8.GetBytes(id + issuedAt)));
        return SalesforceJson.Json(new
        {
            access_token = state.Sessions.Issue(),
            signature,
            scope = "api",
            instance_url = instance,
            id,
            token_type = "Bearer",
            issued_at = issuedAt,
        });
    }

    private static (string, string)? ClientError(IFormCollection form, SandboxSettings settings, bool requireSecret)
    {
        if (form["client_id"] != settings.ClientId)
        {
            return ("invalid_client_id", "client identifier invalid");
        }
        var secret = form["client_secret"].ToString();
        if ((requireSecret || secret.Length > 0) && secret != settings.ClientSecret)
        {
            return ("invalid_client", "invalid client credentials");
        }
        return null;
    }

    private static (string, string)? JwtError(string assertion, HttpRequest request, SandboxState state)
    {
        if (state.Settings.JwtCertificatePem is not { } certificate)
        {
            return ("invalid_grant", "invalid assertion");
        }
        string[] audiences = ["https://login.salesforce.com", "https://test.salesforce.com", $"{request.Scheme}://{request.Host}"];
        var description = JwtAssertion.Validate(assertion, certificate, state.Settings, audiences, state.Settings.TimeProvider.GetUtcNow());
        return description is null ? null : ("invalid_grant", description);
    }

    private static IResult OAuthError(string error, string description) =>
        SalesforceJson.Json(new { error, error_description = description }, StatusCodes.Status400BadRequest);
}

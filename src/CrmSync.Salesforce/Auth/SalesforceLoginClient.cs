using System.Net.Http.Json;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Auth;

/// <summary>Posts to <c>{LoginUrl}/services/oauth2/token</c> and turns the answer into a session or a <see cref="SalesforceAuthException"/>.</summary>
internal sealed class SalesforceLoginClient(
    IHttpClientFactory httpFactory,
    IOptions<SalesforceOptions> options,
    TimeProvider clock,
    ILogger<SalesforceLoginClient> logger)
{
    public const string HttpClientName = "CrmSync.Salesforce.Login";

    public async Task<SalesforceSession> LoginAsync(long generation, CancellationToken ct)
    {
        var settings = options.Value;
        var flow = settings.AuthFlow;
        var tokenUri = new Uri(settings.LoginUri, "services/oauth2/token");
        using var form = new FormUrlEncodedContent(LoginFormBuilder.Build(settings, clock));
        AuthLog.LoggingIn(logger, flow, settings.LoginUri.Host);

        using var http = httpFactory.CreateClient(HttpClientName);
        using var response = await http.PostAsync(tokenUri, form, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var (error, description) = SalesforceErrorReader.ParseOAuth(response.StatusCode, body);
            AuthLog.LoginFailed(logger, flow, (int)response.StatusCode, error);
            throw new SalesforceAuthException(response.StatusCode, error, description, flow);
        }

        var token = await response.Content.ReadFromJsonAsync<OAuthTokenResponse>(SalesforceJson.Options, ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token?.AccessToken) || !Uri.TryCreate(token.InstanceUrl, UriKind.Absolute, out var instance))
        {
            throw new SalesforceAuthException(response.StatusCode, "invalid_token_response",
                "the token endpoint answered without access_token or instance_url", flow);
        }

        AuthLog.LoggedIn(logger, flow, instance.Host, generation);
        return new SalesforceSession(token.AccessToken, instance, token.Id, generation);
    }
}

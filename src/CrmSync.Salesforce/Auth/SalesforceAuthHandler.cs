using System.Net;
using System.Net.Http.Headers;
using CrmSync.Salesforce.Errors;
using Microsoft.Extensions.Logging;

namespace CrmSync.Salesforce.Auth;

/// <summary>
/// Sends each request to the session's instance with its bearer token. On <c>401 INVALID_SESSION_ID</c> it logs in
/// again once (shared with concurrent callers) and replays the request; a second 401 goes back to the caller.
/// </summary>
internal sealed class SalesforceAuthHandler(ISalesforceSessionProvider sessions, ILogger<SalesforceAuthHandler> logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var session = await sessions.GetSessionAsync(cancellationToken).ConfigureAwait(false);
        Authorize(request, session);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!await IsExpiredSessionAsync(response, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        AuthLog.SessionRejected(logger, session.Generation, request.Method.Method, request.RequestUri?.AbsolutePath);
        var renewed = await sessions.RenewAsync(session, cancellationToken).ConfigureAwait(false);
        Authorize(request, renewed);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Authorize(HttpRequestMessage request, SalesforceSession session)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        var target = new UriBuilder(request.RequestUri!)
        {
            Scheme = session.InstanceUrl.Scheme,
            Host = session.InstanceUrl.Host,
            Port = session.InstanceUrl.Port,
        };
        request.RequestUri = target.Uri;
    }

    private static async Task<bool> IsExpiredSessionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        var errors = await SalesforceErrorReader.ReadAsync(response, ct).ConfigureAwait(false);
        return errors.Any(e => e.ErrorCode == SalesforceErrorCodes.InvalidSessionId);
    }
}

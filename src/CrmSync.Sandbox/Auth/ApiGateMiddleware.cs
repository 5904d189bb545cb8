using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Auth;

/// <summary>
/// What every versioned API call goes through, in Salesforce's order: the session (401), the
/// daily limit (403), then the call is counted; faults apply to counted calls. Every /services
/// response carries Sforce-Limit-Info.
/// </summary>
internal sealed class ApiGateMiddleware(RequestDelegate next, SandboxState state)
{
    public const string ObjectItem = "sandbox.object";
    public const string SubrequestHeader = "X-Sandbox-Composite-Subrequest";
    private const string VersionedPrefix = "/services/data/v";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/services/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        context.Response.OnStarting(() =>
        {
            context.Response.Headers["Sforce-Limit-Info"] = state.Usage.LimitInfo;
            return Task.CompletedTask;
        });
        if (!path.StartsWith(VersionedPrefix, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        if (!Authenticated(context))
        {
            await SalesforceJson.Error(StatusCodes.Status401Unauthorized, "INVALID_SESSION_ID", "Session expired or invalid").ExecuteAsync(context);
            return;
        }
        if (context.Request.Headers[SubrequestHeader] == state.SubrequestSecret)
        {
            // Part of a composite call that was already counted (and faulted) once.
            await next(context);
            return;
        }
        if (state.Usage.Exhausted)
        {
            await LimitExceeded(context);
            return;
        }
        var call = state.Usage.Consume();
        state.Faults.ApplySchema(call);
        if (state.Faults.LimitExceeded(call))
        {
            await LimitExceeded(context);
            return;
        }
        if (state.Faults.Delay(call) is { } delay)
        {
            await Task.Delay(delay, state.Settings.TimeProvider, context.RequestAborted);
        }
        if (state.Faults.Unavailable(call))
        {
            await SalesforceJson.Error(StatusCodes.Status503ServiceUnavailable, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again later.").ExecuteAsync(context);
            return;
        }
        if (state.Faults.Truncate(call))
        {
            await TruncatedAsync(context);
        }
        else
        {
            await next(context);
        }
        RecordStats(context);
    }

    private bool Authenticated(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }
        var scheme = header[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("OAuth", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return state.Sessions.TryUse(header[(space + 1)..].Trim(), state.Faults.Spec.ExpireAfterCalls);
    }

    private static Task LimitExceeded(HttpContext context) =>
        SalesforceJson.Error(StatusCodes.Status403Forbidden, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").ExecuteAsync(context);

    /// <summary>Sends the first half of the body and stops, as a dropped connection or a proxy cut-off would.</summary>
    private async Task TruncatedAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var half = (int)(buffer.Length / 2);
        context.Response.ContentLength = half;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, half), context.RequestAborted);
    }

    private void RecordStats(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
        var endpoint = context.Request.Method + " " + pattern.Replace("/services/data/v{version}", "", StringComparison.Ordinal);
        var objectName = context.Items[ObjectItem] as string ?? context.GetRouteValue("objectName") as string;
        state.Stats.Call(endpoint, objectName);
    }
}

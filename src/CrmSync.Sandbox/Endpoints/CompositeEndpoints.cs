using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// POST /composite: up to 25 subrequests run in order, each sent back to this sandbox, with
/// <c>@{referenceId.path}</c> references resolved from earlier answers. The whole call counts as
/// one API call. Deviation: with allOrNone a failure halts the rest but cannot undo earlier ones.
/// </summary>
internal static partial class CompositeEndpoints
{
    public const int MaxSubrequests = 25;

    public static RouteGroupBuilder MapCompositeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/composite", (HttpRequest request, SandboxState state) => RequestBodies.Guard(async () =>
        {
            var body = (await RequestBodies.ReadJsonAsync(request))!.Value;
            var subrequests = body.TryGetProperty("compositeRequest", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToArray() : [];
            if (subrequests.Length is 0 or > MaxSubrequests)
            {
                return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALID_INPUT", $"compositeRequest needs 1 to {MaxSubrequests} subrequests");
            }
            var allOrNone = body.TryGetProperty("allOrNone", out var flag) && flag.ValueKind == JsonValueKind.True;
            using var http = new HttpClient { BaseAddress = state.BaseUri };
            var answers = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var results = new List<object>();
            var halted = false;
            foreach (var sub in subrequests)
            {
                var referenceId = sub.TryGetProperty("referenceId", out var r) ? r.GetString() ?? "" : "";
                var resolved = halted ? null : Resolve(sub, answers);
                if (resolved is null)
                {
                    results.Add(Halted(referenceId));
                    continue;
                }
                var (status, headers, answer) = await SendAsync(http, request, state, sub, resolved.Value);
                answers[referenceId] = answer;
                results.Add(new { body = answer, httpHeaders = headers, httpStatusCode = status, referenceId });
                halted = allOrNone && status >= 400;
            }
            return SalesforceJson.Json(new { compositeResponse = results });
        }));
        return api;
    }

    private static async Task<(int Status, Dictionary<string, string> Headers, JsonNode? Body)> SendAsync(
        HttpClient http, HttpRequest outer, SandboxState state, JsonElement sub, (string Url, string? Body) resolved)
    {
        var method = new HttpMethod(sub.GetProperty("method").GetString() ?? "GET");
        using var message = new HttpRequestMessage(method, resolved.Url);
        message.Headers.Authorization = AuthenticationHeaderValue.Parse(outer.Headers.Authorization.ToString());
        message.Headers.Add(ApiGateMiddleware.SubrequestHeader, state.SubrequestSecret);
        if (resolved.Body is not null)
        {
            message.Content = new StringContent(resolved.Body, Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(message, outer.HttpContext.RequestAborted);
        var text = await response.Content.ReadAsStringAsync(outer.HttpContext.RequestAborted);
        var headers = new Dictionary<string, string>();
        if (response.Headers.Location is { } location)
        {
            headers["Location"] = location.ToString();
        }
        else if ((int)response.StatusCode == StatusCodes.Status201Created && JsonNode.Parse(text)?["id"] is { } id)
        {
            headers["Location"] = $"{resolved.Url.TrimEnd('/')}/{id}";
        }
        return ((int)response.StatusCode, headers, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The url and body with every <c>@{ref.path}</c> replaced, or null when a reference has no value.</summary>
    private static (string Url, string? Body)? Resolve(JsonElement sub, Dictionary<string, JsonNode?> answers)
    {
        var missing = false;
        string Substitute(string text) => Reference().Replace(text, match =>
        {
            var value = Lookup(answers, match.Groups[1].Value, match.Groups[2].Value);
            missing |= value is null;
            return value ?? "";
        });
        var url = Substitute(sub.GetProperty("url").GetString() ?? "");
        var body = sub.TryGetProperty("body", out var b) ? Substitute(b.GetRawText()) : null;
        return missing ? null : (url, body);
    }

    private static string? Lookup(Dictionary<string, JsonNode?> answers, string referenceId, string path)
    {
        if (!answers.TryGetValue(referenceId, out var node))
        {
            return null;
        }
        foreach (var part in PathPart().Matches(path).Select(m => m.Value))
        {
            node = part.StartsWith('[') ? node is JsonArray array && int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null
                : node is JsonObject obj ? obj[part] : null;
        }
        return node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
    }

    private static object Halted(string referenceId) => new
    {
        body = new[] { SalesforceJson.ErrorBody("PROCESSING_HALTED", "The transaction was rolled back since another operation in the same transaction failed.") },
        httpHeaders = new Dictionary<string, string>(),
        httpStatusCode = StatusCodes.Status400BadRequest,
        referenceId,
    };

    [GeneratedRegex(@"@\{([A-Za-z0-9_]+)\.([^}]+)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex PathPart();
}

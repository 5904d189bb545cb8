using System.Net;
using System.Text.Json;

namespace CrmSync.Salesforce.Errors;

/// <summary>Reads both Salesforce error shapes out of a failed response.</summary>
internal static class SalesforceErrorReader
{
    private const int MaxUnparsedChars = 300;

    /// <summary>Buffers the (small) error body so it can be read again by later handlers.</summary>
    public static async Task<IReadOnlyList<SalesforceError>> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await response.Content.LoadIntoBufferAsync(ct).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        return Parse(response.StatusCode, body);
    }

    public static IReadOnlyList<SalesforceError> Parse(HttpStatusCode status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object))
            {
                return root.EnumerateArray().Select(ReadRestError).ToList();
            }

            if (status == HttpStatusCode.MultipleChoices && root.ValueKind == JsonValueKind.Array)
            {
                // An upsert whose external id matched several records answers 300 with the matching record URLs.
                return [new SalesforceError("MULTIPLE_CHOICES", "The external id matches several records: " + string.Join(", ", root.EnumerateArray()))];
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                var description = root.TryGetProperty("error_description", out var d) ? d.GetString() : null;
                return [new SalesforceError(error.GetString() ?? SalesforceErrorCodes.Unknown, description ?? string.Empty)];
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("hasErrors", out _) && root.TryGetProperty("results", out var results))
            {
                // sObject tree failures: {"hasErrors":true,"results":[{"referenceId":"ref2","errors":[{statusCode,message,fields}]}]}
                return results.EnumerateArray()
                    .Where(r => r.TryGetProperty("errors", out _))
                    .SelectMany(r => r.GetProperty("errors").EnumerateArray().Select(e => ReadRestError(e) with
                    {
                        Message = $"{(r.TryGetProperty("referenceId", out var reference) ? reference.GetString() : "?")}: {ReadRestError(e).Message}",
                    }))
                    .ToList();
            }

            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errorCode", out _))
            {
                return [ReadRestError(root)];
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML maintenance page, a proxy error): fall through to the generic description.
        }

        return [Unparsed(status, body)];
    }

    /// <summary>The OAuth shape, kept apart so login failures become <see cref="SalesforceAuthException"/>.</summary>
    public static (string Error, string? Description) ParseOAuth(HttpStatusCode status, string body)
    {
        var first = Parse(status, body)[0];
        return (first.ErrorCode, first.Message);
    }

    private static SalesforceError ReadRestError(JsonElement element)
    {
        var code = element.TryGetProperty("errorCode", out var c) ? c.GetString() : null;
        code ??= element.TryGetProperty("statusCode", out var s) ? s.GetString() : null;
        var message = element.TryGetProperty("message", out var m) ? m.GetString() : null;
        IReadOnlyList<string>? fields = element.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
            ? f.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
            : null;
        return new SalesforceError(code ?? SalesforceErrorCodes.Unknown, message ?? string.Empty, fields);
    }

    private static SalesforceError Unparsed(HttpStatusCode status, string body)
    {
        var snippet = body.Length > MaxUnparsedChars ? body[..MaxUnparsedChars] + "…" : body;
        var code = status == HttpStatusCode.ServiceUnavailable ? SalesforceErrorCodes.ServerUnavailable : SalesforceErrorCodes.Unknown;
        return new SalesforceError(code, $"HTTP {(int)status} with an unrecognised body: {snippet}");
    }
}

using System.Text.Json;

namespace CrmSync.Salesforce.Errors;

/// <summary>
/// Inside the retry loop: a successful GET whose JSON body is cut short (a dropped connection, a proxy) becomes a
/// transient <see cref="HttpRequestException"/> so it is fetched again, instead of failing later in deserialization.
/// Query pages are at most a few MB and are parsed whole anyway, so buffering them costs no extra memory peak.
/// </summary>
internal sealed class JsonIntegrityHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method != HttpMethod.Get || response.StatusCode != System.Net.HttpStatusCode.OK || !ShouldBeJson(response))
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (IsCompleteJson(body))
            {
                return response;
            }
        }
        catch (IOException e)
        {
            response.Dispose();
            throw new HttpRequestException($"The response body of {request.Method} {request.RequestUri?.AbsolutePath} was cut off.", e);
        }

        response.Dispose();
        throw new HttpRequestException($"The response body of {request.Method} {request.RequestUri?.AbsolutePath} is not complete JSON.");
    }

    /// <summary>JSON by its media type, or a 200 with no media type at all (an empty or cut answer).</summary>
    private static bool ShouldBeJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is not { } mediaType
        || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsCompleteJson(byte[] body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

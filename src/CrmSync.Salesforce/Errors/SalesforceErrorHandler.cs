namespace CrmSync.Salesforce.Errors;

/// <summary>Outermost handler: after retries are spent, turns any non-success response into <see cref="SalesforceApiException"/>.</summary>
internal sealed class SalesforceErrorHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var errors = await SalesforceErrorReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            throw new SalesforceApiException(response.StatusCode, errors, Describe(request));
        }
    }

    /// <summary>Method and path only: the query string may hold SOQL with customer data, never a token, but keep messages short.</summary>
    private static string Describe(HttpRequestMessage request) =>
        $"{request.Method} {request.RequestUri?.AbsolutePath}";
}

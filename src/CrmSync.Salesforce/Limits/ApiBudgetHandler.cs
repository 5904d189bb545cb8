using System.Net;
using CrmSync.Salesforce.Errors;

namespace CrmSync.Salesforce.Limits;

/// <summary>Innermost handler: every call on the wire (retries and replays included) passes the budget.</summary>
internal sealed class ApiBudgetHandler(ApiBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        budget.Reserve();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            budget.Complete(null, null);
            throw;
        }

        var reported = ApiUsageHeader.TryParse(response, out var used, out var limit);
        budget.Complete(reported ? used : null, reported ? limit : null);

        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            var errors = await SalesforceErrorReader.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            if (errors.Any(e => e.ErrorCode == SalesforceErrorCodes.RequestLimitExceeded && !SalesforceErrorCodes.IsConcurrencyLimit(e)))
            {
                response.Dispose();
                throw budget.RequestLimitExceeded();
            }
        }

        return response;
    }
}

using System.Net;
using CrmSync.Salesforce.Errors;

namespace CrmSync.Salesforce.Limits;

/// <summary>Work stopped before (or because) the org's API budget ran out. Not retried; resume after the window rolls.</summary>
public sealed class ApiBudgetExceededException : SalesforceException
{
    public ApiBudgetExceededException(ApiBudgetSnapshot snapshot, HttpStatusCode? statusCode = null)
        : base(
            snapshot.StopReason == ApiBudgetStopReason.RequestLimitExceeded ? SalesforceErrorCodes.RequestLimitExceeded : "CRMSYNC_API_SHARE_REACHED",
            statusCode,
            Describe(snapshot))
    {
        Snapshot = snapshot;
    }

    public ApiBudgetSnapshot Snapshot { get; }

    public ApiBudgetStopReason Reason => Snapshot.StopReason;

    private static string Describe(ApiBudgetSnapshot s) => s.StopReason == ApiBudgetStopReason.RequestLimitExceeded
        ? $"Salesforce reports the org's daily API limit is exhausted (REQUEST_LIMIT_EXCEEDED, {s.Used}/{s.DailyLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} used); stopping."
        : $"Stopping before exceeding Salesforce:DailyApiShare = {s.DailyApiShare:0.###} of the org's daily API limit ({s.Used} of {s.DailyLimit} used, ceiling {s.AllowedCalls}).";
}

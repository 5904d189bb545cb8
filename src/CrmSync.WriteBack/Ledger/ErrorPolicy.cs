using System.Net;

namespace CrmSync.WriteBack.Ledger;

/// <summary>Which failures are worth retrying, and when.</summary>
public static class ErrorPolicy
{
    /// <summary>Transient by nature: another transaction held the row, the server or the connection had a moment.</summary>
    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "UNKNOWN_EXCEPTION", "REQUEST_LIMIT_EXCEEDED", "REQUEST_RUNNING_TOO_LONG",
        "CRMSYNC_TRANSPORT_FAILED", "CRMSYNC_MALFORMED_RESPONSE", "BULK_JOB_FAILED", "BULK_JOB_ABORTED", "BULK_UNPROCESSED",
    };

    /// <summary>
    /// About the org's setup, not the value: a field deleted or its edit permission removed. Retried (after the backoff) so
    /// the values go out once an admin fixes it; until then each run's fresh describe leaves the field out of the plan.
    /// </summary>
    private static readonly HashSet<string> AboutTheOrgSetup = new(StringComparer.Ordinal)
    {
        "INVALID_FIELD", "INVALID_FIELD_FOR_INSERT_UPDATE", "INSUFFICIENT_ACCESS_OR_READONLY", "INVALID_TYPE", "NOT_FOUND",
    };

    /// <summary>The record itself cannot take writes (deleted, or no such record): its values do not matter.</summary>
    private static readonly HashSet<string> AboutTheRecord = new(StringComparer.Ordinal)
    {
        "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY", "MALFORMED_ID", "INVALID_ID_FIELD",
    };

    public static bool IsRetryable(string code, HttpStatusCode? status = null) =>
        Transient.Contains(code) || AboutTheOrgSetup.Contains(code) || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int?)status >= 500;

    public static bool IsAboutTheRecord(string code) => AboutTheRecord.Contains(code);

    public static bool IsAboutTheOrgSetup(string code) => AboutTheOrgSetup.Contains(code);

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: the first delay, doubled per attempt, capped.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(firstDelay.Ticks * factor, maxDelay.Ticks));
    }
}

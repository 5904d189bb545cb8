namespace CrmSync.Salesforce.Limits;

/// <summary>Why work against the org was stopped.</summary>
public enum ApiBudgetStopReason
{
    None,

    /// <summary>The next call would use more than <c>Salesforce:DailyApiShare</c> of the org's daily limit.</summary>
    DailyShareReached,

    /// <summary>Salesforce answered <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    RequestLimitExceeded,
}

/// <summary>What the dashboard shows: the org's usage as last reported by <c>Sforce-Limit-Info</c>.</summary>
/// <param name="Used">Calls used in the last 24 hours, org-wide (all integrations, not only CrmSync).</param>
/// <param name="DailyLimit">The org's daily limit; null until the first response reported it.</param>
/// <param name="AllowedCalls">The ceiling CrmSync stops at: floor(DailyLimit × DailyApiShare).</param>
/// <param name="CallsMade">Calls this process sent since start.</param>
public sealed record ApiBudgetSnapshot(
    long Used,
    long? DailyLimit,
    long? AllowedCalls,
    double DailyApiShare,
    long CallsMade,
    DateTimeOffset? ReportedAt,
    ApiBudgetStopReason StopReason);

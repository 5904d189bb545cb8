using System.Text.Json.Serialization;

namespace CrmSync.Salesforce.Errors;

/// <summary>One entry of Salesforce's REST error body <c>[{"message","errorCode","fields"}]</c>.</summary>
public sealed record SalesforceError(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fields")] IReadOnlyList<string>? Fields = null);

/// <summary>Well-known Salesforce error codes the client reacts to.</summary>
public static class SalesforceErrorCodes
{
    public const string InvalidSessionId = "INVALID_SESSION_ID";
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";
    public const string UnableToLockRow = "UNABLE_TO_LOCK_ROW";
    public const string ServerUnavailable = "SERVER_UNAVAILABLE";
    public const string UnknownException = "UNKNOWN_EXCEPTION";
    public const string Unknown = "UNKNOWN";

    /// <summary>
    /// REQUEST_LIMIT_EXCEEDED is also used for the concurrent long-running request limit
    /// ("ConcurrentPerOrgLongTxn Limit exceeded."), which clears within seconds: that one is retried, not a budget stop.
    /// </summary>
    public static bool IsConcurrencyLimit(SalesforceError error) =>
        error.ErrorCode == RequestLimitExceeded && error.Message.Contains("Concurrent", StringComparison.OrdinalIgnoreCase);

}

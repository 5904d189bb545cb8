using Microsoft.Extensions.Logging;

namespace CrmSync.Salesforce.Limits;

internal static partial class LimitsLog
{
    [LoggerMessage(5101, LogLevel.Warning, "Stopping Salesforce calls: {Used} of {Limit} daily API calls used, CrmSync may use {Share:P0}")]
    public static partial void ShareReached(ILogger logger, long used, long limit, double share);

    [LoggerMessage(5102, LogLevel.Error, "Salesforce answered REQUEST_LIMIT_EXCEEDED ({Used} of {Limit} daily API calls used); stopping")]
    public static partial void RequestLimitExceeded(ILogger logger, long used, long limit);

    [LoggerMessage(5103, LogLevel.Warning, "Retrying Salesforce call {Method} {Path} (attempt {Attempt}) after {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, string? path, int attempt, string outcome);
}

using Microsoft.Extensions.Logging;

namespace CrmSync.Salesforce.Auth;

/// <summary>Login events. Never logs tokens, passwords, secrets or assertions.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(5001, LogLevel.Information, "Logging in to Salesforce at {LoginHost} with the {Flow} flow")]
    public static partial void LoggingIn(ILogger logger, string flow, string loginHost);

    [LoggerMessage(5002, LogLevel.Information, "Logged in to Salesforce instance {InstanceHost} with the {Flow} flow (session #{Generation})")]
    public static partial void LoggedIn(ILogger logger, string flow, string instanceHost, long generation);

    [LoggerMessage(5003, LogLevel.Error, "Salesforce login with the {Flow} flow failed: HTTP {Status} {Error}")]
    public static partial void LoginFailed(ILogger logger, string flow, int status, string error);

    [LoggerMessage(5004, LogLevel.Information, "Salesforce rejected session #{Generation} on {Method} {Path}; logging in again")]
    public static partial void SessionRejected(ILogger logger, long generation, string method, string? path);
}

using System.Net;

namespace CrmSync.Salesforce.Errors;

/// <summary>Base of every error the client raises; keeps Salesforce's error code and the HTTP status.</summary>
public abstract class SalesforceException : Exception
{
    protected SalesforceException(string errorCode, HttpStatusCode? statusCode, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        StatusCode = statusCode;
    }

    public string ErrorCode { get; }

    public HttpStatusCode? StatusCode { get; }
}

/// <summary>A REST or Bulk call answered with <c>[{"message","errorCode","fields"}]</c>.</summary>
public sealed class SalesforceApiException : SalesforceException
{
    public SalesforceApiException(HttpStatusCode statusCode, IReadOnlyList<SalesforceError> errors, string requestDescription)
        : base(errors.Count > 0 ? errors[0].ErrorCode : SalesforceErrorCodes.Unknown, statusCode, Describe(statusCode, errors, requestDescription))
    {
        Errors = errors;
    }

    public IReadOnlyList<SalesforceError> Errors { get; }

    private static string Describe(HttpStatusCode status, IReadOnlyList<SalesforceError> errors, string request)
    {
        var details = string.Join("; ", errors.Select(e =>
            e.Fields is { Count: > 0 } ? $"{e.ErrorCode}: {e.Message} (fields: {string.Join(", ", e.Fields)})" : $"{e.ErrorCode}: {e.Message}"));
        return $"Salesforce answered {(int)status} {status} to {request}: {details}";
    }
}

/// <summary>The OAuth token endpoint answered <c>{"error","error_description"}</c>.</summary>
public sealed class SalesforceAuthException : SalesforceException
{
    public SalesforceAuthException(HttpStatusCode? statusCode, string error, string? description, string flow)
        : base(error, statusCode, $"Salesforce login ({flow}) failed with {error}: {description ?? "no description"}")
    {
        Description = description;
    }

    public string? Description { get; }
}

/// <summary>The call did not get a usable answer: connection failure, timeout, or a body that is not valid JSON.</summary>
public sealed class SalesforceTransportException(string errorCode, string message, Exception? inner)
    : SalesforceException(errorCode, null, message, inner)
{
    public const string TransportFailed = "CRMSYNC_TRANSPORT_FAILED";
    public const string MalformedResponse = "CRMSYNC_MALFORMED_RESPONSE";
}

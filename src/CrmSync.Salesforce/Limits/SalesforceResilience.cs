using System.Net;
using CrmSync.Salesforce.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CrmSync.Salesforce.Limits;

/// <summary>
/// Retries with exponential backoff and jitter for what can change by itself (502/503/504, 500 UNKNOWN_EXCEPTION,
/// UNABLE_TO_LOCK_ROW, timeouts, dropped connections); never for 4xx that will answer the same again.
/// </summary>
internal static class SalesforceResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SalesforceResilience));
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            Delay = options.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => options.MaxRetries > 0
                ? IsTransientAsync(args.Outcome, args.Context.GetRequestMessage()?.Method, args.Context.CancellationToken)
                : ValueTask.FromResult(false),
            OnRetry = args =>
            {
                var request = args.Outcome.Result?.RequestMessage;
                LimitsLog.Retrying(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath, args.AttemptNumber + 1, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(options.Timeout);
    }

    /// <summary>
    /// A POST that failed without an answer (timeout, dropped connection) may have been applied, and creating twice is
    /// worse than failing once, so only answers that say "not done" (503, lock contention) retry a POST.
    /// </summary>
    internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, HttpMethod? method, CancellationToken ct)
    {
        if (outcome.Exception is not null)
        {
            return method != HttpMethod.Post
                && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
        }

        var response = outcome.Result!;
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                or HttpStatusCode.RequestTimeout:
                return true;
            case HttpStatusCode.InternalServerError or HttpStatusCode.BadRequest or HttpStatusCode.Conflict:
                var errors = await SalesforceErrorReader.ReadAsync(response, ct).ConfigureAwait(false);
                return errors.Any(e => e.ErrorCode is SalesforceErrorCodes.UnableToLockRow or SalesforceErrorCodes.UnknownException
                    or SalesforceErrorCodes.ServerUnavailable);
            case HttpStatusCode.Forbidden:
                var refusals = await SalesforceErrorReader.ReadAsync(response, ct).ConfigureAwait(false);
                return refusals.Any(SalesforceErrorCodes.IsConcurrencyLimit);
            default:
                return false;
        }
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";
}

using System.Globalization;
using Microsoft.Extensions.Options;

namespace CrmSync.WriteBack;

/// <summary>Checks the <c>WriteBack</c> section; every message names the key and the value found.</summary>
public sealed class WriteBackOptionsValidator : IValidateOptions<WriteBackOptions>
{
    public ValidateOptionsResult Validate(string? name, WriteBackOptions options)
    {
        var failures = new List<string>();
        if (options.BulkThresholdRecords is < 0 or > 100_000_000)
        {
            failures.Add($"WriteBack:BulkThresholdRecords must be between 0 and 100000000 (was {options.BulkThresholdRecords}).");
        }

        if (options.ParallelCalls is < 1 or > 25)
        {
            failures.Add($"WriteBack:ParallelCalls must be between 1 and 25 (was {options.ParallelCalls}).");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"WriteBack:RetryDelay must be between 00:00:00 and 1.00:00:00 (was {Text(options.RetryDelay)}).");
        }

        if (options.MaxRetryDelay < options.RetryDelay || options.MaxRetryDelay > TimeSpan.FromDays(7))
        {
            failures.Add($"WriteBack:MaxRetryDelay must be at least WriteBack:RetryDelay ({Text(options.RetryDelay)}) and at most 7.00:00:00 (was {Text(options.MaxRetryDelay)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Text(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}

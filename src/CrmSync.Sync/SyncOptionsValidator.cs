using Microsoft.Extensions.Options;

namespace CrmSync.Sync;

/// <summary>Checks the <c>Sync</c> section; every message names the key and the value found.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.MappingsPath))
        {
            failures.Add("Sync:MappingsPath must name the folder of the mapping files (default: mappings).");
        }

        Range(failures, "LookbackSeconds", options.LookbackSeconds, 0, 86_400);
        Range(failures, "DescribeMaxAgeMinutes", options.DescribeMaxAgeMinutes, 0, 10_080);
        Range(failures, "BatchSize", options.BatchSize, 100, 100_000);
        Range(failures, "BulkThresholdRows", options.BulkThresholdRows, 0, 100_000_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"Sync:{key} must be between {min} and {max} (was {value}).");
        }
    }
}

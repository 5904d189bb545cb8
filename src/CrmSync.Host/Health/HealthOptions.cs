using Microsoft.Extensions.Options;

namespace CrmSync.Host.Health;

/// <summary>Section <c>Health</c>: what <c>/health/ready</c> accepts; checked by <see cref="HealthOptionsValidator"/>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Ready only while every synced source succeeded within this many minutes (default 120: eight runs of the default 15-minute schedule).</summary>
    public int MaxSyncAgeMinutes { get; set; } = 120;
}

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.MaxSyncAgeMinutes is < 1 or > 10080
            ? ValidateOptionsResult.Fail($"Health:MaxSyncAgeMinutes must be between 1 and 10080 (a week) (was {options.MaxSyncAgeMinutes}).")
            : ValidateOptionsResult.Success;
}

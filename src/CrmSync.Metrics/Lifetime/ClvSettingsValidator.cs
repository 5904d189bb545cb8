using CrmSync.Clv;
using CrmSync.Clv.Predictions;
using Microsoft.Extensions.Options;

namespace CrmSync.Metrics.Lifetime;

/// <summary>Checks the <c>Clv</c> section; every message names the key and the value found.</summary>
public sealed class ClvSettingsValidator : IValidateOptions<ClvSettings>
{
    public ValidateOptionsResult Validate(string? name, ClvSettings options)
    {
        var failures = new List<string>();
        if (!TimeUnits.TryParse(options.TimeUnit, out _))
        {
            failures.Add($"Clv:TimeUnit must be day, week or month (was '{options.TimeUnit}').");
        }

        if (options.HorizonMonths is < 1 or > 120)
        {
            failures.Add($"Clv:HorizonMonths must be between 1 and 120 (was {options.HorizonMonths}).");
        }

        if (options.AnnualDiscountRate is < 0 or > 1)
        {
            failures.Add($"Clv:AnnualDiscountRate must be between 0 and 1, e.g. 0.10 for 10 % (was {options.AnnualDiscountRate}).");
        }

        if (options.MaxLifespanYears is <= 0 or > 100)
        {
            failures.Add($"Clv:MaxLifespanYears must be above 0 and at most 100 (was {options.MaxLifespanYears}).");
        }

        if (options.MinSegmentCustomers < 1)
        {
            failures.Add($"Clv:MinSegmentCustomers must be 1 or more (was {options.MinSegmentCustomers}).");
        }

        for (var i = 0; i < options.NextBestActions.Count; i++)
        {
            var rule = options.NextBestActions[i];
            var unknown = rule.Tiers.Where(t => !Enum.TryParse<ClvTier>(t, ignoreCase: true, out _)).ToList();
            if (rule.Tiers.Count == 0 || unknown.Count > 0)
            {
                failures.Add($"Clv:NextBestActions:{i}:Tiers must list tiers among Platinum, Gold, Silver, Bronze (found: {string.Join(", ", rule.Tiers.DefaultIfEmpty("none"))}).");
            }

            if (string.IsNullOrWhiteSpace(rule.Action) || rule.Action.Length > 255)
            {
                failures.Add($"Clv:NextBestActions:{i}:Action must be a text of 1 to 255 characters (it is written to a Text(255) field).");
            }

            if (!(rule.PAliveFrom >= 0 && rule.PAliveFrom < rule.PAliveBelow))
            {
                failures.Add($"Clv:NextBestActions:{i}: PAliveFrom must be 0 or more and below PAliveBelow (were {rule.PAliveFrom} and {rule.PAliveBelow}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

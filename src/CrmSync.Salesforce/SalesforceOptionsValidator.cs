using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce;

/// <summary>Checks <see cref="SalesforceOptions"/> at start and names the offending key in words an admin understands.</summary>
internal sealed class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    private const string Prefix = SalesforceOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var failures = new List<string>();
        ValidateEndpoint(options, failures);
        ValidateCredentials(options, failures);
        ValidateTuning(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEndpoint(SalesforceOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.LoginUrl, UriKind.Absolute, out var login)
            || (login.Scheme != Uri.UriSchemeHttps && login.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}LoginUrl must be an absolute http(s) URL such as https://login.salesforce.com (was '{options.LoginUrl}').");
        }

        if (!decimal.TryParse(options.ApiVersion, System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var version)
            || version < 47.0m || !options.ApiVersion.Contains('.', StringComparison.Ordinal))
        {
            failures.Add($"{Prefix}ApiVersion must look like 62.0 and be 47.0 or later (was '{options.ApiVersion}').");
        }
    }

    private static void ValidateCredentials(SalesforceOptions options, List<string> failures)
    {
        if (!SalesforceAuthFlows.TryParse(options.AuthFlow, out var flow))
        {
            var names = string.Join(", ", SalesforceAuthFlows.Names.Select(n => n.Name));
            failures.Add($"{Prefix}AuthFlow must be one of {names} (was '{options.AuthFlow}').");
            return;
        }

        var flowName = SalesforceAuthFlows.Names.First(n => n.Flow == flow).Name;
        Require(options.ClientId, "ClientId", flowName, failures);
        switch (flow)
        {
            case SalesforceAuthFlow.Password:
                Require(options.ClientSecret, "ClientSecret", flowName, failures);
                Require(options.Username, "Username", flowName, failures);
                Require(options.Password, "Password", flowName, failures);
                break;
            case SalesforceAuthFlow.RefreshToken:
                Require(options.RefreshToken, "RefreshToken", flowName, failures);
                break;
            case SalesforceAuthFlow.ClientCredentials:
                Require(options.ClientSecret, "ClientSecret", flowName, failures);
                break;
            case SalesforceAuthFlow.JwtBearer:
                Require(options.Username, "Username", flowName, failures);
                Require(options.PrivateKeyPath, "PrivateKeyPath", flowName, failures);
                if (!string.IsNullOrWhiteSpace(options.JwtAudience) && !Uri.TryCreate(options.JwtAudience, UriKind.Absolute, out _))
                {
                    failures.Add($"{Prefix}JwtAudience must be an absolute URL such as https://login.salesforce.com (was '{options.JwtAudience}').");
                }

                if (!string.IsNullOrWhiteSpace(options.PrivateKeyPath) && !File.Exists(options.PrivateKeyPath))
                {
                    failures.Add($"{Prefix}PrivateKeyPath points to a file that does not exist ('{options.PrivateKeyPath}').");
                }

                break;
        }
    }

    private static void ValidateTuning(SalesforceOptions options, List<string> failures)
    {
        if (!(options.DailyApiShare > 0 && options.DailyApiShare <= 1))
        {
            failures.Add($"{Prefix}DailyApiShare must be greater than 0 and at most 1 (was {options.DailyApiShare}).");
        }

        if (options.QueryBatchSize is < 200 or > 2000)
        {
            failures.Add($"{Prefix}QueryBatchSize must be between 200 and 2000 (was {options.QueryBatchSize}).");
        }

        if (options.MaxConcurrency is < 1 or > 25)
        {
            failures.Add($"{Prefix}MaxConcurrency must be between 1 and 25 (was {options.MaxConcurrency}).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}Timeout must be positive (was {options.Timeout}).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Prefix}MaxRetries must be between 0 and 10 (was {options.MaxRetries}).");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.BulkPollDelay < TimeSpan.Zero
            || options.BulkPollMaxDelay < options.BulkPollDelay)
        {
            failures.Add($"{Prefix}RetryDelay and BulkPollDelay must not be negative and BulkPollMaxDelay must be at least BulkPollDelay.");
        }

        if (options.BulkMaxRecords < 0)
        {
            failures.Add($"{Prefix}BulkMaxRecords must not be negative (was {options.BulkMaxRecords}).");
        }
    }

    private static void Require(string? value, string key, string flowName, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Prefix}{key} is required when {Prefix}AuthFlow is {flowName}.");
        }
    }
}

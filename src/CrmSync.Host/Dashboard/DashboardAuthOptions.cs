using Microsoft.Extensions.Options;

namespace CrmSync.Host.Dashboard;

/// <summary>
/// Section <c>Dashboard</c>: who may open <c>/hangfire</c>. Without credentials, requests from this machine only. With
/// <see cref="Username"/> and <see cref="Password"/> set, every request must carry them as HTTP basic authentication,
/// over HTTPS when it comes from another machine unless <see cref="RequireHttps"/> is false. The password belongs in the
/// environment (<c>CRMSYNC_Dashboard__Password</c>) or user secrets and is never logged.
/// </summary>
public sealed class DashboardAuthOptions
{
    public const string Section = "Dashboard";

    public const int MinPasswordLength = 12;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Refuse requests from other machines over plain HTTP; set false only when the HTTP hop cannot leave this host (a port bound to its loopback).</summary>
    public bool RequireHttps { get; set; } = true;

    public bool BasicAuthConfigured => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}

/// <summary>Checks the <c>Dashboard</c> section; names the key, and for the password only its length.</summary>
internal sealed class DashboardAuthOptionsValidator : IValidateOptions<DashboardAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardAuthOptions options)
    {
        var failures = new List<string>();
        var hasUser = !string.IsNullOrEmpty(options.Username);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasUser && !hasPassword)
        {
            failures.Add($"Dashboard:Password must be set when Dashboard:Username is (Username was '{options.Username}'); put it in CRMSYNC_Dashboard__Password or user secrets.");
        }

        if (hasPassword && !hasUser)
        {
            failures.Add("Dashboard:Username must be set when Dashboard:Password is (was empty).");
        }

        if (hasUser && options.Username!.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"Dashboard:Username must not contain ':' (was '{options.Username}').");
        }

        if (hasPassword && options.Password!.Length < DashboardAuthOptions.MinPasswordLength)
        {
            failures.Add($"Dashboard:Password must be at least {DashboardAuthOptions.MinPasswordLength} characters (was {options.Password.Length}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

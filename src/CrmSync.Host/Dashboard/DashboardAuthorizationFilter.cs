using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Dashboard;

/// <summary>
/// Without credentials configured, admits requests from this machine only. With <c>Dashboard:Username</c>/<c>Password</c>
/// set, every request must carry them (a TLS proxy on this host makes every request look local), and a request from
/// another machine must come over HTTPS unless <c>Dashboard:RequireHttps</c> is false. A refusal for missing or wrong
/// credentials carries <c>WWW-Authenticate</c>, so a browser asks for them.
/// </summary>
internal sealed class DashboardAuthorizationFilter(IOptions<DashboardAuthOptions> options, ILogger<DashboardAuthorizationFilter> logger)
    : IDashboardAuthorizationFilter
{
    private readonly LocalRequestsOnlyAuthorizationFilter _local = new();

    public bool Authorize(DashboardContext context)
    {
        var local = _local.Authorize(context);
        var settings = options.Value;
        var http = context.GetHttpContext();
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!settings.BasicAuthConfigured)
        {
            if (!local)
            {
                DashboardLog.RemoteRefused(logger, remote, "no Dashboard:Username/Password configured");
            }

            return local;
        }

        if (!local && settings.RequireHttps && !http.Request.IsHttps)
        {
            DashboardLog.RemoteRefused(logger, remote, "not HTTPS (Dashboard:RequireHttps)");
            return false;
        }

        if (CredentialsMatch(http.Request.Headers.Authorization.ToString(), settings))
        {
            return true;
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"CrmSync\", charset=\"UTF-8\"";
        DashboardLog.RemoteRefused(logger, remote, "missing or wrong credentials");
        return false;
    }

    private static bool CredentialsMatch(string header, DashboardAuthOptions settings)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is not { Length: > 0 } encoded)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Both compared, in constant time over their hashes, so neither the length nor the first difference leaks.
        var userMatches = SameSecret(decoded[..colon], settings.Username!);
        var passwordMatches = SameSecret(decoded[(colon + 1)..], settings.Password!);
        return userMatches & passwordMatches;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

namespace CrmSync.Sandbox;

/// <summary>How a sandbox org is generated and served. Every default gives a reproducible demo org.</summary>
public sealed record SandboxSettings
{
    /// <summary>The as-of used when <see cref="AsOf"/> is null: fixed so that runs are reproducible.</summary>
    public static readonly DateTimeOffset DefaultAsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    public int Seed { get; init; } = 1;

    public int Accounts { get; init; } = 2000;

    /// <summary>The org's "today": generated history ends here. Null means <see cref="DefaultAsOf"/>.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>Fault rules, see <see cref="Faults.FaultSpec"/> for the syntax. Null or empty: no faults.</summary>
    public string? Faults { get; init; }

    /// <summary>A session unused for this long answers 401 INVALID_SESSION_ID (Salesforce's default is 2 hours).</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>DailyApiRequests Max; past it every call is 403 REQUEST_LIMIT_EXCEEDED.</summary>
    public int DailyApiLimit { get; init; } = 1_000_000;

    public string ClientId { get; init; } = "crmsync-sandbox";

    public string ClientSecret { get; init; } = "sandbox-secret";

    public string Username { get; init; } = "admin@sandbox.crmsync";

    public string Password { get; init; } = "sandbox";

    /// <summary>The refresh token the refresh_token grant accepts (Salesforce issues it via the web-server flow, which the sandbox does not model).</summary>
    public string RefreshToken { get; init; } = "5Aep861sandbox.refresh.token";

    /// <summary>PEM certificate or public key that verifies JWT bearer assertions (RS256). Null disables the JWT grant.</summary>
    public string? JwtCertificatePem { get; init; }

    /// <summary>Gzip responses when the client sends Accept-Encoding: gzip, as Salesforce does (costs CPU in benchmarks).</summary>
    public bool CompressResponses { get; init; } = true;

    /// <summary>Clock for session expiry and SystemModstamps; tests pass a manual one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal DateTimeOffset EffectiveAsOf => AsOf ?? DefaultAsOf;
}

namespace CrmSync.Salesforce;

/// <summary>Connection settings for one org, bound from the configuration section <c>Salesforce</c>.</summary>
public sealed class SalesforceOptions
{
    public const string SectionName = "Salesforce";

    public string LoginUrl { get; set; } = "https://login.salesforce.com";
    public string ApiVersion { get; set; } = "62.0";
    public string AuthFlow { get; set; } = "password";
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? Username { get; set; }

    /// <summary>Password, with the user's security token appended when the org requires one.</summary>
    public string? Password { get; set; }

    public string? RefreshToken { get; set; }
    public string? PrivateKeyPath { get; set; }

    /// <summary>
    /// JWT <c>aud</c>; defaults to the login URL. Salesforce expects https://login.salesforce.com (or
    /// https://test.salesforce.com for sandboxes) even when LoginUrl is a My Domain URL: set it then.
    /// </summary>
    public string? JwtAudience { get; set; }

    /// <summary>Share of the org's daily API request limit CrmSync may use (0 &lt; share ≤ 1).</summary>
    public double DailyApiShare { get; set; } = 0.5;

    /// <summary>REST query page size sent as <c>Sforce-Query-Options: batchSize=N</c> (200–2000).</summary>
    public int QueryBatchSize { get; set; } = 2000;

    /// <summary>Most requests in flight to the org at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Time allowed for one HTTP attempt (until the response headers arrive).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt for transient failures (503, timeouts, UNABLE_TO_LOCK_ROW).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait between Bulk job state polls; doubles up to <see cref="BulkPollMaxDelay"/>.</summary>
    public TimeSpan BulkPollDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BulkPollMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows per Bulk query result page (<c>maxRecords</c>); 0 lets Salesforce choose.</summary>
    public int BulkMaxRecords { get; set; } = 50_000;

    /// <summary>After the budget stopped work, how long until one probe call checks whether usage went down.</summary>
    public TimeSpan BudgetRecheckInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The settings an admin may see; credentials are shown only as set or not set.</summary>
    public override string ToString() =>
        $"Salesforce {{ LoginUrl = {LoginUrl}, ApiVersion = {ApiVersion}, AuthFlow = {AuthFlow}, ClientId = {Shown(ClientId)}, " +
        $"ClientSecret = {Shown(ClientSecret)}, Username = {Username}, Password = {Shown(Password)}, RefreshToken = {Shown(RefreshToken)}, " +
        $"PrivateKeyPath = {PrivateKeyPath}, DailyApiShare = {DailyApiShare}, QueryBatchSize = {QueryBatchSize}, MaxConcurrency = {MaxConcurrency} }}";

    private static string Shown(string? secret) => string.IsNullOrEmpty(secret) ? "(not set)" : "(set)";

    internal Uri LoginUri => new(LoginUrl.TrimEnd('/') + "/", UriKind.Absolute);

    internal Uri JwtAudienceUri => string.IsNullOrWhiteSpace(JwtAudience) ? LoginUri : new Uri(JwtAudience, UriKind.Absolute);

    internal SalesforceAuthFlow ParsedAuthFlow => SalesforceAuthFlows.Parse(AuthFlow);

    internal string VersionSegment => "v" + ApiVersion;
}

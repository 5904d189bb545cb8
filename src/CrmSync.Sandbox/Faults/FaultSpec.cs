using System.Globalization;

namespace CrmSync.Sandbox.Faults;

/// <summary>
/// Fault rules, written as <c>rule=value</c> pairs separated by commas (the <c>--faults SPEC</c>):
/// <list type="table">
/// <item><term><c>503=0.05</c></term><description>share of API calls answered 503 SERVER_UNAVAILABLE</description></item>
/// <item><term><c>lock=0.1</c></term><description>share of collection and Bulk ingest records failing UNABLE_TO_LOCK_ROW</description></item>
/// <item><term><c>expire-after=100</c></term><description>every access token dies after 100 API calls (401 INVALID_SESSION_ID)</description></item>
/// <item><term><c>limit-after=500</c></term><description>every API call after the 500th answers 403 REQUEST_LIMIT_EXCEEDED</description></item>
/// <item><term><c>truncate=0.02</c></term><description>share of JSON responses cut off half-way</description></item>
/// <item><term><c>slow=0.1:2000</c></term><description>share of API calls delayed, and by how many milliseconds</description></item>
/// <item><term><c>drop-field=Opportunity.Amount@40</c></term><description>the field is deleted after 40 more calls</description></item>
/// <item><term><c>revoke-read=Case@40</c></term><description>read access to the object (or <c>Object.Field</c>) is removed after 40 more calls</description></item>
/// <item><term><c>revoke-edit=Account.CrmSync_CLV__c@40</c></term><description>edit access to the field (or every field of <c>Object</c>) is removed after 40 more calls</description></item>
/// </list>
/// Example: <c>--faults "503=0.05,lock=0.1,slow=0.02:1500"</c>. Which call or record is hit is decided by
/// a hash of (seed, rule, call or record number), so the same run with the same seed fails the same way.
/// </summary>
public sealed record FaultSpec
{
    public const string Syntax =
        "Comma-separated rules: 503=SHARE (calls answered 503), lock=SHARE (collection/ingest records failing UNABLE_TO_LOCK_ROW), " +
        "expire-after=N (tokens die after N calls), limit-after=N (REQUEST_LIMIT_EXCEEDED after N calls), " +
        "truncate=SHARE (JSON bodies cut half-way), slow=SHARE:MS (calls delayed MS milliseconds), " +
        "drop-field=Object.Field@N (field deleted after N more calls), revoke-read=Object[.Field]@N (read access removed), " +
        "revoke-edit=Object[.Field]@N (edit access removed); @N is optional (at once). SHARE is 0..1. " +
        "Example: 503=0.05,lock=0.1,slow=0.02:1500,drop-field=Opportunity.Amount@40";

    public static FaultSpec None { get; } = new();

    public double Unavailable { get; init; }
    public double LockRow { get; init; }
    public int? ExpireAfterCalls { get; init; }
    public long? LimitAfterCalls { get; init; }
    public double Truncate { get; init; }
    public double Slow { get; init; }
    public TimeSpan SlowBy { get; init; }
    public IReadOnlyList<SchemaRule> Schema { get; init; } = [];

    /// <summary>Parses a SPEC; throws <see cref="FormatException"/> naming the bad rule.</summary>
    public static FaultSpec Parse(string? spec)
    {
        var result = None;
        foreach (var rule in (spec ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = rule.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new FormatException($"Fault rule '{rule}' is not NAME=VALUE. {Syntax}");
            }
            var value = parts[1];
            result = parts[0].ToLowerInvariant() switch
            {
                "503" => result with { Unavailable = Share(rule, value) },
                "lock" => result with { LockRow = Share(rule, value) },
                "expire-after" => result with { ExpireAfterCalls = (int)Count(rule, value) },
                "limit-after" => result with { LimitAfterCalls = Count(rule, value) },
                "truncate" => result with { Truncate = Share(rule, value) },
                "slow" => ParseSlow(result, rule, value),
                "drop-field" => WithSchema(result, SchemaRule.Parse(SchemaChange.DropField, rule, value)),
                "revoke-read" => WithSchema(result, SchemaRule.Parse(SchemaChange.RevokeRead, rule, value)),
                "revoke-edit" => WithSchema(result, SchemaRule.Parse(SchemaChange.RevokeEdit, rule, value)),
                _ => throw new FormatException($"Unknown fault rule '{parts[0]}'. {Syntax}"),
            };
        }
        return result;
    }

    public override string ToString()
    {
        var rules = new List<string>();
        Add(rules, "503", Unavailable);
        Add(rules, "lock", LockRow);
        if (ExpireAfterCalls is { } expire)
        {
            rules.Add(FormattableString.Invariant($"expire-after={expire}"));
        }
        if (LimitAfterCalls is { } limit)
        {
            rules.Add(FormattableString.Invariant($"limit-after={limit}"));
        }
        Add(rules, "truncate", Truncate);
        if (Slow > 0)
        {
            rules.Add(FormattableString.Invariant($"slow={Slow}:{SlowBy.TotalMilliseconds}"));
        }
        rules.AddRange(Schema.Select(s => s.ToString()));
        return string.Join(',', rules);
    }

    private static void Add(List<string> rules, string name, double share)
    {
        if (share > 0)
        {
            rules.Add(FormattableString.Invariant($"{name}={share}"));
        }
    }

    private static FaultSpec WithSchema(FaultSpec spec, SchemaRule rule) =>
        spec with { Schema = [.. spec.Schema, rule] };

    private static FaultSpec ParseSlow(FaultSpec spec, string rule, string value)
    {
        var parts = value.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new FormatException($"Fault rule '{rule}' must be slow=SHARE:MILLISECONDS.");
        }
        return spec with { Slow = Share(rule, parts[0]), SlowBy = TimeSpan.FromMilliseconds(Count(rule, parts[1])) };
    }

    private static double Share(string rule, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1
            ? share
            : throw new FormatException($"Fault rule '{rule}' needs a share between 0 and 1.");

    private static long Count(string rule, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= int.MaxValue
            ? count
            : throw new FormatException($"Fault rule '{rule}' needs a whole number.");
}

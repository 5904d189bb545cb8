namespace CrmSync.Host.Pipeline;

/// <summary>The as-of of a pipeline run started without one (setting <c>Jobs:PipelineAsOf</c>).</summary>
public static class PipelineAsOf
{
    public static readonly IReadOnlyList<string> Names = ["day", "hour", "now"];

    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static DateTimeOffset Resolve(DateTimeOffset now, string name)
    {
        var utc = now.ToUniversalTime();
        return name.ToLowerInvariant() switch
        {
            "day" => new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero),
            "hour" => new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero),
            "now" => utc,
            _ => throw new ArgumentException($"Unknown pipeline as-of '{name}' (one of {string.Join(", ", Names)}).", nameof(name)),
        };
    }
}

namespace CrmSync.Metrics.Runs;

/// <summary>What a finished run reports: its id, window, size, step timings (ms) and the metrics left unconfigured.</summary>
public sealed record MetricRunSummary(long RunId, RunWindow Window, long Accounts, IReadOnlyDictionary<string, long> TimingsMilliseconds, IReadOnlyList<string> NotConfigured);

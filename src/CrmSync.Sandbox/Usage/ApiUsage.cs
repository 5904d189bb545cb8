namespace CrmSync.Sandbox.Usage;

/// <summary>The DailyApiRequests counter behind Sforce-Limit-Info and /limits.</summary>
internal sealed class ApiUsage(int dailyLimit)
{
    private long used;

    public int DailyLimit { get; } = dailyLimit;

    public long Used => Interlocked.Read(ref used);

    public long Remaining => Math.Max(0, DailyLimit - Used);

    public bool Exhausted => Used >= DailyLimit;

    /// <summary>Counts one call; returns its sequence number (1-based).</summary>
    public long Consume() => Interlocked.Increment(ref used);

    public string LimitInfo => $"api-usage={Used}/{DailyLimit}";
}

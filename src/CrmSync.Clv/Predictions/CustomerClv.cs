namespace CrmSync.Clv.Predictions;

/// <summary>Everything CLV says about one customer.</summary>
/// <param name="ExpectedPurchases">Purchases expected over the horizon (BG/NBD).</param>
/// <param name="ExpectedAverageValue">Expected value of a future purchase (Gamma-Gamma, or its documented fallback).</param>
/// <param name="PredictiveClv">Discounted value of the purchases expected over the horizon.</param>
/// <param name="HistoricalClv">Null when the caller gives no lifespan for the customer.</param>
/// <param name="NextBestAction">Null when no rule matches.</param>
/// <param name="ExpectedNextPurchase">Null with fewer than two purchase days.</param>
public sealed record CustomerClv(
    string CustomerId,
    double ProbabilityAlive,
    double ExpectedPurchases,
    double ExpectedAverageValue,
    double PredictiveClv,
    double? HistoricalClv,
    ClvTier Tier,
    string? NextBestAction,
    DateOnly? ExpectedNextPurchase);

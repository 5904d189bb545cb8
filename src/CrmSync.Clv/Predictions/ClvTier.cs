namespace CrmSync.Clv.Predictions;

public enum ClvTier
{
    Platinum,
    Gold,
    Silver,
    Bronze,
}

/// <summary>Tiers by predictive-CLV quartile.</summary>
public static class ClvTiers
{
    /// <summary>
    /// A customer's share s = (customers whose CLV is ≥ theirs, themselves included) / all customers; Platinum when
    /// s ≤ 25 %, Gold when s ≤ 50 %, Silver when s ≤ 75 %, else Bronze. Equal CLVs always share a tier (the lower one
    /// the tie reaches), so 8 customers with distinct values split 2/2/2/2 and 8 with equal values are all Bronze.
    /// </summary>
    public static ClvTier[] Assign(IReadOnlyList<double> clv)
    {
        ArgumentNullException.ThrowIfNull(clv);
        var order = Enumerable.Range(0, clv.Count).OrderByDescending(i => clv[i]).ToArray();
        var tiers = new ClvTier[clv.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && clv[order[end]].Equals(clv[order[start]]))
            {
                end++;
            }

            var tier = TierOf((double)end / order.Length);
            for (var i = start; i < end; i++)
            {
                tiers[order[i]] = tier;
            }

            start = end;
        }

        return tiers;
    }

    private static ClvTier TierOf(double shareAtOrAbove) => shareAtOrAbove switch
    {
        <= 0.25 => ClvTier.Platinum,
        <= 0.50 => ClvTier.Gold,
        <= 0.75 => ClvTier.Silver,
        _ => ClvTier.Bronze,
    };
}

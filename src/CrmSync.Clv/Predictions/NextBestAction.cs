namespace CrmSync.Clv.Predictions;

/// <summary>
/// One row of the next-best-action table: applies to customers in one of <paramref name="Tiers"/> whose P(alive) is
/// in [<paramref name="ProbabilityAliveFrom"/>, <paramref name="ProbabilityAliveBelow"/>).
/// </summary>
public sealed record NextBestActionRule(IReadOnlyList<ClvTier> Tiers, double ProbabilityAliveFrom, double ProbabilityAliveBelow, string Action)
{
    public bool Matches(ClvTier tier, double probabilityAlive) =>
        Tiers.Contains(tier) && probabilityAlive >= ProbabilityAliveFrom && probabilityAlive < ProbabilityAliveBelow;
}

/// <summary>The rule table: the first matching rule gives the action; none matching gives no action.</summary>
public static class NextBestActions
{
    private const double AboveAnyProbability = 2;

    /// <summary>The shipped table (README lists it); callers pass their own to change it.</summary>
    public static IReadOnlyList<NextBestActionRule> Default { get; } =
    [
        new([ClvTier.Platinum, ClvTier.Gold], 0, 0.5, "At risk: call this week"),
        new([ClvTier.Platinum], 0.5, AboveAnyProbability, "Key account: plan the renewal or upgrade with them"),
        new([ClvTier.Gold], 0.5, AboveAnyProbability, "Grow: propose a cross-sell"),
        new([ClvTier.Silver], 0, 0.5, "Win back: send a re-engagement offer"),
        new([ClvTier.Silver], 0.5, AboveAnyProbability, "Nurture: keep in regular contact"),
        new([ClvTier.Bronze], 0, 0.5, "Low priority: automated win-back campaign"),
        new([ClvTier.Bronze], 0.5, AboveAnyProbability, "Self-service: newsletter and online offers"),
    ];

    public static string? Choose(IReadOnlyList<NextBestActionRule> rules, ClvTier tier, double probabilityAlive)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            if (rule.Matches(tier, probabilityAlive))
            {
                return rule.Action;
            }
        }

        return null;
    }
}

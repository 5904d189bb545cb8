namespace CrmSync.Clv.Rfm;

/// <summary>
/// What the models see of one customer, in one <see cref="TimeUnit"/>: x = <paramref name="RepeatPurchases"/>,
/// tₓ = <paramref name="Recency"/> (last purchase − first), T = <paramref name="Age"/> (as-of − first purchase) and the
/// mean value of the repeat purchases (0 when x = 0).
/// </summary>
public readonly record struct PurchaseHistory(int RepeatPurchases, double Recency, double Age, double MeanRepeatValue)
{
    /// <summary>Throws when the history cannot come from real purchases (negative counts, tₓ outside [0, T]).</summary>
    public void Validate(int index)
    {
        if (RepeatPurchases < 0 || !(Recency >= 0) || !(Age >= Recency) || double.IsInfinity(Age)
            || (RepeatPurchases == 0 && Recency != 0) || !double.IsFinite(MeanRepeatValue))
        {
            throw new ArgumentException(
                $"Customer #{index}: not a purchase history (x = {RepeatPurchases}, tx = {Recency}, T = {Age}, mean repeat value = {MeanRepeatValue}); " +
                "need x ≥ 0, 0 ≤ tx ≤ T, tx = 0 when x = 0, and a finite value.");
        }
    }
}

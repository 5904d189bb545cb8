namespace CrmSync.Clv.Rfm;

/// <summary>
/// One customer's purchases up to as-of. A purchase is a calendar day with at least one won deal; deals of the same day
/// are one purchase worth their sum.
/// </summary>
/// <param name="History">x, tₓ, T and the mean repeat value, in the summary's time unit.</param>
/// <param name="Purchases">Distinct purchase days (x + 1).</param>
/// <param name="TotalValue">Sum of all deal amounts up to as-of.</param>
/// <param name="MedianGapDays">Median of the gaps in days between consecutive purchase days; null with fewer than two purchase days.</param>
public sealed record CustomerRfm(
    string CustomerId,
    PurchaseHistory History,
    int Purchases,
    decimal TotalValue,
    DateOnly FirstPurchase,
    DateOnly LastPurchase,
    double? MedianGapDays)
{
    public int RepeatPurchases => History.RepeatPurchases;

    /// <summary>Total value / purchases (a purchase day is one order).</summary>
    public double AverageOrderValue => (double)TotalValue / Purchases;
}

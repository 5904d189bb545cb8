using System.Globalization;

namespace CrmSync.Clv.Rfm;

/// <summary>Checks and one-line descriptions of a set of purchase histories.</summary>
public static class PurchaseHistories
{
    public static int CountRepeaters(IReadOnlyList<PurchaseHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var repeaters = 0;
        foreach (var history in histories)
        {
            repeaters += history.RepeatPurchases > 0 ? 1 : 0;
        }

        return repeaters;
    }

    /// <summary>E.g. "2,357 customers (946 with repeat purchases), x up to 29, T 27.00–38.86 weeks".</summary>
    public static string Describe(IReadOnlyList<PurchaseHistory> histories, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.Count == 0)
        {
            return "no customers";
        }

        var maxX = 0;
        double minT = double.MaxValue, maxT = 0;
        foreach (var history in histories)
        {
            maxX = Math.Max(maxX, history.RepeatPurchases);
            minT = Math.Min(minT, history.Age);
            maxT = Math.Max(maxT, history.Age);
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{histories.Count:N0} customers ({CountRepeaters(histories):N0} with repeat purchases), x up to {maxX:N0}, T {minT:0.00}–{maxT:0.00} {unit.Name()}s");
    }
}

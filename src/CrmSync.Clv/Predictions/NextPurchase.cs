using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Predictions;

public static class NextPurchase
{
    /// <summary>
    /// Last purchase day + the median gap in days between consecutive distinct purchase days (same-day deals are one
    /// purchase), rounded to a whole day (halves away from zero); null with fewer than two purchase days.
    /// </summary>
    public static DateOnly? Expected(CustomerRfm customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return customer.MedianGapDays is { } gap
            ? customer.LastPurchase.AddDays((int)Math.Round(gap, MidpointRounding.AwayFromZero))
            : null;
    }
}

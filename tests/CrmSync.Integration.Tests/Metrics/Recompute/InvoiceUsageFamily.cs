namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>#13 average payment days and #18 product usage frequency.</summary>
public static class InvoiceUsageFamily
{
    /// <summary>Mean (paid − invoice date) in days over invoices paid in W that have an invoice date.</summary>
    public static Figure AveragePaymentDays(IEnumerable<InvoiceRecord> invoices, Periods periods) =>
        Figure.Mean("avg_payment_days", [.. invoices
            .Where(i => periods.InWindow(i.PaidDate) && i.InvoiceDate is not null)
            .Select(i => (decimal)(i.PaidDate!.Value.DayNumber - i.InvoiceDate!.Value.DayNumber))]);

    /// <summary>Distinct usage days in W per week of W.</summary>
    public static Figure UsageDaysPerWeek(IEnumerable<UsageRecord> usage, Periods periods) =>
        new("usage_days_per_week", usage.Where(u => periods.InWindow(u.UsageDate)).Select(u => u.UsageDate).Distinct().Count() / periods.WeeksInWindow);
}

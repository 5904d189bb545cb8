namespace CrmSync.Clv.Rfm;

/// <summary>Every customer's purchases up to as-of (inclusive), in one explicit time unit.</summary>
public sealed class RfmSummary
{
    private readonly CustomerRfm[] customers;

    private RfmSummary(DateOnly asOf, TimeUnit unit, CustomerRfm[] customers)
    {
        AsOf = asOf;
        Unit = unit;
        this.customers = customers;
        Histories = Array.ConvertAll(customers, c => c.History);
    }

    public DateOnly AsOf { get; }

    public TimeUnit Unit { get; }

    /// <summary>Customers (at least one deal dated ≤ as-of), ordered by id (ordinal).</summary>
    public IReadOnlyList<CustomerRfm> Customers => customers;

    /// <summary>The customers' histories, in the same order as <see cref="Customers"/>.</summary>
    public IReadOnlyList<PurchaseHistory> Histories { get; }

    /// <summary>
    /// Summarises won deals per customer. Deals dated after <paramref name="asOf"/> are ignored; deals of one customer on
    /// one day are one purchase whose value is their sum; x = purchase days − 1, tₓ = last − first purchase day,
    /// T = as-of − first purchase day, in <paramref name="unit"/>s; the repeat value excludes the first purchase day.
    /// </summary>
    public static RfmSummary FromTransactions(IEnumerable<Transaction> transactions, DateOnly asOf, TimeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        _ = unit.Days();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>();
        var keys = new List<long>();
        var amounts = new List<decimal>();
        foreach (var transaction in transactions)
        {
            if (transaction.Date > asOf)
            {
                continue;
            }

            ArgumentNullException.ThrowIfNull(transaction.CustomerId, nameof(transactions));
            if (!index.TryGetValue(transaction.CustomerId, out var customer))
            {
                customer = ids.Count;
                index.Add(transaction.CustomerId, customer);
                ids.Add(transaction.CustomerId);
            }

            // One sortable key per deal: customer first, then day.
            keys.Add(((long)customer << 32) | (uint)transaction.Date.DayNumber);
            amounts.Add(transaction.Amount);
        }

        var keyArray = keys.ToArray();
        var amountArray = amounts.ToArray();
        Array.Sort(keyArray, amountArray);
        var result = new CustomerRfm[ids.Count];
        var days = new List<int>();
        var values = new List<decimal>();
        for (var start = 0; start < keyArray.Length;)
        {
            var customer = (int)(keyArray[start] >> 32);
            days.Clear();
            values.Clear();
            var end = start;
            for (; end < keyArray.Length && (int)(keyArray[end] >> 32) == customer; end++)
            {
                var day = (int)(uint)keyArray[end];
                if (days.Count > 0 && days[^1] == day)
                {
                    values[^1] += amountArray[end];
                }
                else
                {
                    days.Add(day);
                    values.Add(amountArray[end]);
                }
            }

            result[customer] = Summarise(ids[customer], days, values, asOf, unit);
            start = end;
        }

        Array.Sort(result, (x, y) => string.CompareOrdinal(x.CustomerId, y.CustomerId));
        return new RfmSummary(asOf, unit, result);
    }

    /// <summary>One line for error messages and reports: counts, ranges and the unit.</summary>
    public string Describe() => PurchaseHistories.Describe(Histories, Unit) + $", as of {AsOf:yyyy-MM-dd}";

    private static CustomerRfm Summarise(string id, List<int> days, List<decimal> values, DateOnly asOf, TimeUnit unit)
    {
        var first = DateOnly.FromDayNumber(days[0]);
        var last = DateOnly.FromDayNumber(days[^1]);
        var total = 0m;
        foreach (var value in values)
        {
            total += value;
        }

        var repeats = days.Count - 1;
        var meanRepeat = repeats == 0 ? 0 : (double)((total - values[0]) / repeats);
        var history = new PurchaseHistory(repeats, unit.Between(first, last), unit.Between(first, asOf), meanRepeat);
        return new CustomerRfm(id, history, days.Count, total, first, last, MedianGap(days));
    }

    private static double? MedianGap(List<int> days)
    {
        if (days.Count < 2)
        {
            return null;
        }

        var gaps = new int[days.Count - 1];
        for (var i = 1; i < days.Count; i++)
        {
            gaps[i - 1] = days[i] - days[i - 1];
        }

        Array.Sort(gaps);
        var middle = gaps.Length / 2;
        return gaps.Length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2.0;
    }
}

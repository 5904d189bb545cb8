using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Holdout;

/// <summary>Calibration customers with <see cref="RepeatPurchases"/> repeat purchases (or more, for the last row).</summary>
public sealed record HoldoutRow(int RepeatPurchases, bool AndMore, int Customers, double ActualMean, double PredictedMean);

/// <summary>
/// Predicted vs actual purchases in the holdout period, by calibration repeat purchases (the check of FHL 2005, fig. 4,
/// and of lifetimes' plot_calibration_purchases_vs_holdout_purchases). Holdout purchases are distinct purchase days in
/// (calibration end, holdout end] of customers who bought by the calibration end.
/// </summary>
public sealed record HoldoutComparison(DateOnly CalibrationEnd, DateOnly HoldoutEnd, double HoldoutLength, TimeUnit Unit, IReadOnlyList<HoldoutRow> Rows, double ActualTotal, double PredictedTotal)
{
    public static HoldoutComparison Build(IEnumerable<Transaction> transactions, RfmSummary calibration, BgNbdParameters parameters, DateOnly holdoutEnd, int rows = 7)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var holdoutDays = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        foreach (var transaction in transactions)
        {
            if (transaction.Date > calibration.AsOf && transaction.Date <= holdoutEnd)
            {
                if (!holdoutDays.TryGetValue(transaction.CustomerId, out var days))
                {
                    holdoutDays[transaction.CustomerId] = days = [];
                }

                days.Add(transaction.Date);
            }
        }

        var length = calibration.Unit.Between(calibration.AsOf, holdoutEnd);
        var customers = new int[rows];
        var actual = new double[rows];
        var predicted = new double[rows];
        foreach (var customer in calibration.Customers)
        {
            var row = Math.Min(customer.RepeatPurchases, rows - 1);
            customers[row]++;
            actual[row] += holdoutDays.TryGetValue(customer.CustomerId, out var days) ? days.Count : 0;
            predicted[row] += parameters.ExpectedPurchases(customer.History, length);
        }

        var table = Enumerable.Range(0, rows)
            .Where(row => customers[row] > 0)
            .Select(row => new HoldoutRow(row, row == rows - 1, customers[row], actual[row] / customers[row], predicted[row] / customers[row]))
            .ToArray();
        return new HoldoutComparison(calibration.AsOf, holdoutEnd, length, calibration.Unit, table, actual.Sum(), predicted.Sum());
    }
}

using System.Globalization;
using CrmSync.Clv.Rfm;

namespace CrmSync.Clv.Tests;

/// <summary>The public CDNOW 1/10th sample (Data/NOTICE.md): 2,357 customers' purchases, January 1997 – June 1998.</summary>
internal static class Cdnow
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    public static readonly DateOnly HoldoutEnd = new(1998, 6, 30);

    private static readonly Lazy<Transaction[]> Loaded = new(Load);

    public static IReadOnlyList<Transaction> Transactions => Loaded.Value;

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Data", "CDNOW_sample.txt");

    /// <summary>The calibration period of the papers: purchases to 1997-09-30, in weeks.</summary>
    public static RfmSummary CalibrationWeeks() => RfmSummary.FromTransactions(Transactions, CalibrationEnd, TimeUnit.Week);

    private static Transaction[] Load() =>
        File.ReadLines(FilePath)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => new Transaction(
                int.Parse(fields[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                DateOnly.ParseExact(fields[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(fields[4], CultureInfo.InvariantCulture)))
            .ToArray();
}

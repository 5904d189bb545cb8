using System.Globalization;

namespace CrmSync.Metrics.Explain;

/// <summary>What a run knows while explaining: its settings, window length and the account's first purchase day.</summary>
internal sealed record RecipeContext(MetricsOptions Options, int PeriodMonths, decimal WindowDays, string? FirstPurchase);

/// <summary>A facts row with the table it came from.</summary>
internal sealed record Fact(string Table, FactRow Row);

/// <summary>The arithmetic shown, ending in the value it gives.</summary>
internal sealed record Worked(IReadOnlyList<string> Lines, string Value);

/// <summary>
/// How <c>kpi explain</c> shows one metric: which facts tables hold its records, whether each record
/// entered (and why or why not), and the arithmetic over those that did.
/// </summary>
internal sealed record Recipe(string[] Tables, Func<Fact, RecipeContext, (bool Entered, string Note)> Classify, Func<IReadOnlyList<Fact>, RecipeContext, Worked> Work)
{
    public static string Show(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "null";

    public static string Show(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator / denominator;

    public static decimal Sum(IEnumerable<Fact> facts, string column) => facts.Sum(f => f.Row.Number(column));

    /// <summary>Skipped records (no account, missing date, after as-of) never enter; otherwise <paramref name="rule"/> decides.</summary>
    public static (bool, string) Unless(Fact fact, Func<(bool, string)> rule) =>
        fact.Row.Skipped is { } reason ? (false, "skipped: " + reason) : rule();
}

namespace CrmSync.Metrics.Explain;

/// <summary>Explanations of the metrics over won and lost deals (#3, #4, #4b, #9, #12, #14, #19, #1b).</summary>
internal static class DealRecipes
{
    private static readonly string[] Deals = ["deal_facts"];

    public static IEnumerable<(string Metric, Recipe Recipe)> All()
    {
        yield return ("repeat_purchase_value", new Recipe(Deals, (f, c) => Recipe.Unless(f, () => RepeatRole(f.Row, c)), (entered, _) =>
        {
            var sum = Recipe.Sum(entered, "amount");
            return new Worked([$"Σ Amount of {entered.Count} won deals in W after the first purchase day = {Recipe.Show(sum)}"], Recipe.Show(sum));
        }));
        yield return ("growth_value", new Recipe(Deals, (f, _) => Recipe.Unless(f, () => WonIn(f.Row, w: true, w1: true)), (entered, _) =>
        {
            var (now, before) = (Recipe.Sum(InW(entered), "amount"), Recipe.Sum(InW1(entered), "amount"));
            var value = Recipe.Ratio(now - before, before);
            return new Worked([$"won Amount in W = {Recipe.Show(now)}, in W₋₁ = {Recipe.Show(before)}", $"({Recipe.Show(now)} − {Recipe.Show(before)}) / {Recipe.Show(before)} = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("growth_volume", new Recipe(Deals, (f, _) => Recipe.Unless(f, () => WonIn(f.Row, w: true, w1: true)), (entered, _) =>
        {
            var (now, before) = ((decimal)InW(entered).Count(), (decimal)InW1(entered).Count());
            var value = Recipe.Ratio(now - before, before);
            return new Worked([$"won deals in W = {now}, in W₋₁ = {before}", $"({now} − {before}) / {before} = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("win_rate", new Recipe(Deals, (f, _) => Recipe.Unless(f, () => ClosedInW(f.Row)), (entered, _) =>
        {
            var won = entered.Count(f => f.Row.Flag("is_won"));
            var value = Recipe.Ratio(won, entered.Count);
            return new Worked([$"won {won} / (won {won} + lost {entered.Count - won}) = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("avg_transaction_value", new Recipe(Deals, (f, _) => Recipe.Unless(f, () => WonIn(f.Row, w: true, w1: false)), (entered, _) =>
        {
            var sum = Recipe.Sum(entered, "amount");
            var value = Recipe.Ratio(sum, entered.Count);
            return new Worked([$"won Amount in W {Recipe.Show(sum)} / {entered.Count} won deals = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("churn_cost", new Recipe(Deals, (f, _) => Recipe.Unless(f, () => WonIn(f.Row, w: true, w1: true)), (entered, _) =>
        {
            var (now, before) = (InW(entered).Count(), Recipe.Sum(InW1(entered), "amount"));
            var churned = InW1(entered).Any() && now == 0;
            return new Worked([$"won deals in W₋₁: {InW1(entered).Count()} (Amount {Recipe.Show(before)}), in W: {now}", churned ? "active in W₋₁ and not in W: churn cost = won Amount in W₋₁" : "not churned: 0"],
                Recipe.Show(churned ? before : 0m));
        }));
        yield return ("upgrades_per_year", new Recipe(Deals, (f, c) => Recipe.Unless(f, () => UpgradeInW(f.Row, c)), (entered, c) =>
        {
            var value = entered.Count / (c.PeriodMonths / 12m);
            return new Worked([$"{entered.Count} upgrade deals in W / ({c.PeriodMonths} months / 12) = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("retained", new Recipe(Deals, (f, _) => Recipe.Unless(f, () => WonIn(f.Row, w: true, w1: true)), (entered, _) =>
        {
            var retained = InW(entered).Any() && InW1(entered).Any();
            return new Worked([$"won deals in W₋₁: {InW1(entered).Count()}, in W: {InW(entered).Count()}"], retained ? "true" : "false");
        }));
    }

    private static IEnumerable<Fact> InW(IEnumerable<Fact> facts) => facts.Where(f => f.Row.Flag("in_w"));

    private static IEnumerable<Fact> InW1(IEnumerable<Fact> facts) => facts.Where(f => f.Row.Flag("in_w1"));

    private static (bool, string) WonIn(FactRow row, bool w, bool w1) =>
        !row.Flag("is_won") ? (false, "not won")
        : w && row.Flag("in_w") ? (true, "won in W" + NullAmount(row))
        : w1 && row.Flag("in_w1") ? (true, "won in W₋₁" + NullAmount(row))
        : (false, w1 ? "won before W₋₁" : "won outside W");

    private static (bool, string) RepeatRole(FactRow row, RecipeContext context) =>
        WonIn(row, w: true, w1: false) is (true, var note)
            ? row.Text("close_date") == context.FirstPurchase ? (false, "the first purchase") : (true, note)
            : WonIn(row, w: true, w1: false);

    private static (bool, string) ClosedInW(FactRow row) =>
        !row.Flag("in_w") ? (false, "not closed in W")
        : row.Flag("is_won") ? (true, "won")
        : row.Flag("is_lost") ? (true, "lost")
        : (false, "open");

    private static (bool, string) UpgradeInW(FactRow row, RecipeContext context) =>
        WonIn(row, w: true, w1: false) is (true, _)
            ? context.Options.EffectiveUpgradeTypes.Contains(row.Text("type")) ? (true, $"upgrade ({row.Text("type")})") : (false, $"type '{row.Text("type")}' is not an upgrade type")
            : WonIn(row, w: true, w1: false);

    private static string NullAmount(FactRow row) => row.Flag("amount_missing") ? " (null Amount counted as 0)" : "";
}

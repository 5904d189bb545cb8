namespace CrmSync.Metrics.Explain;

/// <summary>Explanations of the support and survey metrics (#6, #7, #8, #10, #10b, #15).</summary>
internal static class ServiceRecipes
{
    private static readonly string[] Cases = ["case_facts"];
    private static readonly string[] Surveys = ["survey_facts"];

    public static IEnumerable<(string Metric, Recipe Recipe)> All()
    {
        yield return ("response_time_hours", new Recipe(Cases, (f, _) => Recipe.Unless(f, () =>
            !f.Row.Flag("created_in_w") ? (false, "not created in W")
            : !f.Row.Has("response_hours") ? (false, "no first response by as-of")
            : (true, $"{Recipe.Show(f.Row.Number("response_hours"))} h to first response")), (entered, _) =>
        {
            var sum = Recipe.Sum(entered, "response_hours");
            var value = Recipe.Ratio(sum, entered.Count);
            return new Worked([$"Σ hours {Recipe.Show(sum)} / {entered.Count} cases = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("resolution_rate", new Recipe(Cases, (f, _) => Recipe.Unless(f, () =>
            !f.Row.Flag("created_in_w") ? (false, "not created in W")
            : (true, f.Row.Flag("is_closed") ? "closed" + ClosedBeforeCreated(f.Row) : "open")), (entered, _) =>
        {
            var closed = entered.Count(f => f.Row.Flag("is_closed"));
            var value = Recipe.Ratio(closed, entered.Count);
            return new Worked([$"{closed} closed / {entered.Count} created in W = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("fcr_rate", new Recipe(Cases, (f, _) => Recipe.Unless(f, () =>
            !f.Row.Flag("created_in_w") ? (false, "not created in W")
            : !f.Row.Flag("is_closed") ? (false, "not closed by as-of")
            : (true, f.Row.Flag("first_contact_resolution") ? "resolved at first contact" : "closed, not at first contact")), (entered, _) =>
        {
            var first = entered.Count(f => f.Row.Flag("first_contact_resolution"));
            var value = Recipe.Ratio(first, entered.Count);
            return new Worked([$"{first} resolved at first contact / {entered.Count} closed = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("csat", MeanScore("CSAT"));
        yield return ("post_sale_satisfaction", MeanScore("PostSale"));
        yield return ("nps", new Recipe(Surveys, (f, _) => Recipe.Unless(f, () => Scored(f.Row, "NPS")), (entered, _) =>
        {
            var promoters = entered.Count(f => f.Row.Number("score") >= 9);
            var detractors = entered.Count(f => f.Row.Number("score") <= 6);
            var value = Recipe.Ratio(100m * (promoters - detractors), entered.Count);
            return new Worked([$"promoters (≥ 9) {promoters}, detractors (≤ 6) {detractors}, responses {entered.Count}", $"100 × ({promoters} − {detractors}) / {entered.Count} = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
    }

    private static Recipe MeanScore(string type) => new(Surveys, (f, _) => Recipe.Unless(f, () => Scored(f.Row, type)), (entered, _) =>
    {
        var sum = Recipe.Sum(entered, "score");
        var value = Recipe.Ratio(sum, entered.Count);
        return new Worked([$"Σ {type} scores {Recipe.Show(sum)} / {entered.Count} responses = {Recipe.Show(value)}"], Recipe.Show(value));
    });

    private static (bool, string) Scored(FactRow row, string type) =>
        row.Text("type") != type ? (false, $"type {row.Text("type")}")
        : !row.Flag("in_w") ? (false, "outside W")
        : !row.Flag("score_ok") ? (false, "score missing or outside its scale")
        : (true, "score " + row.Text("score"));

    private static string ClosedBeforeCreated(FactRow row) => row.Flag("closed_before_created") ? " (closed before it was created: dirty data, kept)" : "";
}

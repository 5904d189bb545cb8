namespace CrmSync.Metrics.Explain;

/// <summary>Explanations of the activity, campaign, invoice and usage metrics (#5, #11, #13, #17, #18).</summary>
internal static class EngagementRecipes
{
    public static IEnumerable<(string Metric, Recipe Recipe)> All()
    {
        yield return ("contact_frequency", new Recipe(["activity_facts"], (f, _) => Recipe.Unless(f, () => Activity(f.Row)), (entered, c) =>
        {
            var value = entered.Count / (decimal)c.PeriodMonths;
            return new Worked([$"{entered.Count} completed activities in W / {c.PeriodMonths} months = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("engagement_score", new Recipe(["activity_facts", "member_facts", "survey_facts"], (f, _) => Recipe.Unless(f, () => f.Table switch
        {
            "activity_facts" => Activity(f.Row),
            "member_facts" => f.Row.Flag("responded_in_w") ? (true, "campaign response in W") : (false, "no campaign response in W"),
            _ => f.Row.Flag("in_w") ? (true, $"{f.Row.Text("type")} survey response in W") : (false, "survey response outside W"),
        }), (entered, c) =>
        {
            var weights = c.Options.EngagementWeights;
            var (activities, responses, surveys) = (entered.Count(f => f.Table == "activity_facts"), entered.Count(f => f.Table == "member_facts"), entered.Count(f => f.Table == "survey_facts"));
            var value = weights.Activity * activities + weights.CampaignResponse * responses + weights.SurveyResponse * surveys;
            return new Worked([$"{Recipe.Show(weights.Activity)} × {activities} activities + {Recipe.Show(weights.CampaignResponse)} × {responses} campaign responses + {Recipe.Show(weights.SurveyResponse)} × {surveys} survey responses = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("avg_payment_days", new Recipe(["invoice_facts"], (f, _) => Recipe.Unless(f, () =>
            f.Row.Flag("paid_in_w") ? (true, $"paid after {f.Row.Text("payment_days")} days") : (false, "not paid in W")), (entered, _) =>
        {
            var sum = Recipe.Sum(entered, "payment_days");
            var value = Recipe.Ratio(sum, entered.Count);
            return new Worked([$"Σ days {Recipe.Show(sum)} / {entered.Count} invoices = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("campaign_response_rate", new Recipe(["member_facts"], (f, _) => Recipe.Unless(f, () =>
            f.Row.Flag("added_in_w") ? (true, f.Row.Flag("responded") ? "added in W, responded" : "added in W, no response") : (false, "not added in W")), (entered, _) =>
        {
            var responded = entered.Count(f => f.Row.Flag("responded"));
            var value = Recipe.Ratio(responded, entered.Count);
            return new Worked([$"{responded} responded / {entered.Count} added in W = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
        yield return ("usage_days_per_week", new Recipe(["usage_facts"], (f, _) => Recipe.Unless(f, () =>
            f.Row.Flag("in_w") ? (true, "usage in W") : (false, "outside W")), (entered, c) =>
        {
            var days = entered.Select(f => f.Row.Text("usage_date")).Distinct().Count();
            var value = days / (c.WindowDays / 7m);
            return new Worked([$"{days} distinct usage days / ({Recipe.Show(c.WindowDays)} days in W / 7) = {Recipe.Show(value)}"], Recipe.Show(value));
        }));
    }

    private static (bool, string) Activity(FactRow row) =>
        !row.Flag("in_w") ? (false, "outside W")
        : row.Flag("completed") ? (true, $"{row.Text("kind")} completed") : (false, $"{row.Text("kind")} not completed");
}

namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>#5 contact frequency and #11 engagement of one account.</summary>
public static class ActivityFamily
{
    public static IEnumerable<Figure> PerAccount(RecordSet records, Periods periods, MetricSettings settings)
    {
        var completed = records.Activities.Count(a => a.Completed && periods.InWindow(a.Date));
        var responses = records.Members.Count(m => m.HasResponded && periods.InWindow(m.FirstRespondedDate));
        var surveys = SurveyFamily.ResponsesInWindow(records.Surveys, periods);
        yield return new("contact_frequency", (decimal)completed / periods.Months);
        yield return new("engagement_score",
            (settings.ActivityWeight * completed) + (settings.CampaignResponseWeight * responses) + (settings.SurveyResponseWeight * surveys));
    }
}

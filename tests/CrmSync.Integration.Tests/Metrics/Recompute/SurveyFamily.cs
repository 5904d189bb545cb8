namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>#6, #7, #15 over survey responses dated in W (Responded_At__c) whose score is on its scale.</summary>
public static class SurveyFamily
{
    public static IEnumerable<Figure> Figures(IEnumerable<SurveyRecord> surveys, Periods periods, MetricSettings settings)
    {
        var inWindow = surveys.Where(s => periods.InWindow(s.RespondedAt)).ToList();
        yield return Figure.Mean("csat", Scores(inWindow, "CSAT", settings.SurveyScaleMin, settings.SurveyScaleMax));
        yield return Figure.Mean("post_sale_satisfaction", Scores(inWindow, "PostSale", settings.SurveyScaleMin, settings.SurveyScaleMax));
        var nps = Scores(inWindow, "NPS", 0, 10);
        yield return Figure.Ratio("nps", 100m * (nps.Count(s => s >= 9) - nps.Count(s => s <= 6)), nps.Count);
    }

    /// <summary>Responses of any type dated in W (the survey part of #11).</summary>
    public static int ResponsesInWindow(IEnumerable<SurveyRecord> surveys, Periods periods) => surveys.Count(s => periods.InWindow(s.RespondedAt));

    private static List<decimal> Scores(IEnumerable<SurveyRecord> surveys, string type, decimal min, decimal max) =>
        [.. surveys.Where(s => s.Type == type && s.Score >= min && s.Score <= max).Select(s => s.Score!.Value)];
}

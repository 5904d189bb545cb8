namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>#17 campaign response rate and the portfolio's #9 lead conversion rate.</summary>
public static class CampaignLeadFamily
{
    /// <summary>Members added (CreatedDate) in W that responded by as-of / members added in W.</summary>
    public static Figure CampaignResponseRate(IEnumerable<MemberRecord> members, Periods periods)
    {
        var added = members.Where(m => periods.InWindow(m.CreatedAt)).ToList();
        var responded = added.Count(m => m.HasResponded && (m.FirstRespondedDate is null || periods.ByAsOf(m.FirstRespondedDate)));
        return Figure.Ratio("campaign_response_rate", responded, added.Count);
    }

    /// <summary>Leads created in W converted by as-of / leads created in W.</summary>
    public static Figure LeadConversionRate(IEnumerable<LeadRecord> leads, Periods periods)
    {
        var created = leads.Where(l => periods.InWindow(l.CreatedAt)).ToList();
        var converted = created.Count(l => l.IsConverted && (l.ConvertedDate is null || periods.ByAsOf(l.ConvertedDate)));
        return Figure.Ratio("lead_conversion_rate", converted, created.Count);
    }
}

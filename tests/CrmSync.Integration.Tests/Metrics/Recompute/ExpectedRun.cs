namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>Every account_metric and segment_metric figure a run should store, recomputed from the synced records.</summary>
public sealed class ExpectedRun
{
    private ExpectedRun(Dictionary<string, Dictionary<string, Figure>> accounts, Dictionary<(string Segment, string Metric), Figure> segments)
    {
        Accounts = accounts;
        Segments = segments;
    }

    /// <summary>Account id → column → figure (a decimal?, bool, DateOnly? or the segment text).</summary>
    public IReadOnlyDictionary<string, Dictionary<string, Figure>> Accounts { get; }

    public IReadOnlyDictionary<(string Segment, string Metric), Figure> Segments { get; }

    public static ExpectedRun From(SyncedOrg org, Periods periods, MetricSettings settings)
    {
        var records = RecordSet.ByAccount(org);
        var accounts = org.Accounts.ToDictionary(a => a.Id, a => PerAccount(a, records[a.Id], periods, settings).ToDictionary(f => f.Metric));
        var all = org.Accounts.Select(a => (Account: a, Records: records[a.Id])).ToList();

        var segments = new Dictionary<(string, string), Figure>();
        foreach (var figure in PortfolioFamily.Figures([.. all.Select(a => a.Records)], periods, settings)
            .Concat(settings.TargetSegments.Select(target => PortfolioFamily.TargetPenetration(target, all, periods)))
            // Lead conversion and the org's campaign response rate count every lead and member, reaching an account or not.
            .Append(CampaignLeadFamily.LeadConversionRate(org.Leads, periods))
            .Append(CampaignLeadFamily.CampaignResponseRate(org.Records.Members, periods)))
        {
            segments[("(all)", figure.Metric)] = figure;
        }

        foreach (var segment in all.GroupBy(a => a.Account.Segment))
        {
            foreach (var figure in PortfolioFamily.Figures([.. segment.Select(a => a.Records)], periods, settings))
            {
                segments[(segment.Key, figure.Metric)] = figure;
            }
        }

        return new ExpectedRun(accounts, segments);
    }

    private static IEnumerable<Figure> PerAccount(AccountRecord account, RecordSet records, Periods periods, MetricSettings settings) =>
        new[]
        {
            new Figure("segment", account.Segment),
            InvoiceUsageFamily.AveragePaymentDays(records.Invoices, periods),
            InvoiceUsageFamily.UsageDaysPerWeek(records.Usage, periods),
            CampaignLeadFamily.CampaignResponseRate(records.Members, periods),
        }
        .Concat(DealFamily.PerAccount(records.Deals, periods, settings))
        .Concat(CaseFamily.Figures(records.Cases, periods))
        .Concat(SurveyFamily.Figures(records.Surveys, periods, settings))
        .Concat(ActivityFamily.PerAccount(records, periods, settings));
}

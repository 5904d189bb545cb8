namespace CrmSync.Integration.Tests.Metrics.Recompute;

/// <summary>
/// The records the metrics read per account: all of an org's, or those that reach one account
/// through its account field (campaign members through their contact's account), or, combined,
/// those of a segment.
/// </summary>
public sealed record RecordSet(
    IReadOnlyList<DealRecord> Deals,
    IReadOnlyList<CaseRecord> Cases,
    IReadOnlyList<SurveyRecord> Surveys,
    IReadOnlyList<ActivityRecord> Activities,
    IReadOnlyList<InvoiceRecord> Invoices,
    IReadOnlyList<UsageRecord> Usage,
    IReadOnlyList<MemberRecord> Members)
{
    /// <summary>Each synced account with its records; records of an empty or unknown account reach none.</summary>
    public static IReadOnlyDictionary<string, RecordSet> ByAccount(SyncedOrg org)
    {
        var contactAccount = org.Contacts.Where(c => c.AccountId is not null).ToDictionary(c => c.Id, c => c.AccountId!);
        var deals = org.Records.Deals.ToLookup(d => d.AccountId);
        var cases = org.Records.Cases.ToLookup(c => c.AccountId);
        var surveys = org.Records.Surveys.ToLookup(s => s.AccountId);
        var activities = org.Records.Activities.ToLookup(a => a.AccountId);
        var invoices = org.Records.Invoices.ToLookup(i => i.AccountId);
        var usage = org.Records.Usage.ToLookup(u => u.AccountId);
        var members = org.Records.Members.ToLookup(m => m.ContactId is not null && contactAccount.TryGetValue(m.ContactId, out var account) ? account : null);
        return org.Accounts.ToDictionary(
            a => a.Id,
            a => new RecordSet([.. deals[a.Id]], [.. cases[a.Id]], [.. surveys[a.Id]], [.. activities[a.Id]], [.. invoices[a.Id]], [.. usage[a.Id]], [.. members[a.Id]]));
    }

    public static RecordSet Combine(IEnumerable<RecordSet> parts)
    {
        var list = parts.ToList();
        return new RecordSet(
            [.. list.SelectMany(p => p.Deals)], [.. list.SelectMany(p => p.Cases)], [.. list.SelectMany(p => p.Surveys)],
            [.. list.SelectMany(p => p.Activities)], [.. list.SelectMany(p => p.Invoices)], [.. list.SelectMany(p => p.Usage)],
            [.. list.SelectMany(p => p.Members)]);
    }
}

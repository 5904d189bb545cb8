using System.Globalization;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>Leads, campaigns and members, cases, activities, surveys and product usage around the accounts.</summary>
internal sealed class RelatedRecordsGenerator(DeterministicRandom random, long asOf)
{
    private const long Day = ColumnWrites.DayMillis;

    public void Generate(OrgStore store, Population population)
    {
        var accounts = store["Account"];
        var leads = GenerateLeads(store["Lead"], accounts);
        GenerateCampaigns(store, population, leads);
        var cases = new CaseWriter(store["Case"], random);
        var activities = new ActivityWriter(store["Task"], store["Event"], random, asOf);
        var surveys = new SurveyWriter(store["Survey_Response__c"], store["Product_Usage__c"], random, asOf);
        var firstDeal = 0;
        for (var a = 0; a < accounts.Count; a++)
        {
            var since = accounts.CreatedDate[a];
            activities.ForAccount(a, since, firstDeal, population.DealCount[a]);
            firstDeal += population.DealCount[a];
            if (!population.Customer[a])
            {
                continue;
            }
            var caseCount = random.Poisson(2.5);
            for (var k = 0; k < caseCount; k++)
            {
                cases.Add(a, population.FirstContact[a] + random.Next(population.ContactCount[a]), since + (long)(random.NextDouble() * (asOf - since)), asOf);
            }
            surveys.ForAccount(a, population.FirstContact[a], population.ContactCount[a], since, population.Alive[a]);
        }
        SoftDeleteAFew(store["Opportunity"]);
        SoftDeleteAFew(store["Contact"]);
        SoftDeleteAFew(store["Case"]);
    }

    /// <summary>A converted lead per customer account, plus open and disqualified leads.</summary>
    private List<int> GenerateLeads(ObjectTable leads, ObjectTable accounts)
    {
        var (last, company, status, source) = (leads.Column("LastName"), leads.Column("Company"), leads.Column("Status"), leads.Column("LeadSource"));
        var (converted, convertedDate, convertedAccount) = (leads.Column("IsConverted"), leads.Column("ConvertedDate"), leads.Column("ConvertedAccountId"));
        var sources = leads.Definition.Find("LeadSource")!.PicklistValues;
        var unconverted = new List<int>();
        for (var a = 0; a < accounts.Count; a++)
        {
            var extra = random.Poisson(0.8);
            for (var k = -1; k < extra; k++)
            {
                var isConverted = k < 0 && random.Chance(0.7);
                var convertedAt = accounts.CreatedDate[a];
                var created = isConverted
                    ? convertedAt - (long)random.Exponential(20 * Day)
                    : asOf - (long)(random.NextDouble() * 3 * 365 * Day);
                var row = leads.AddRow(created);
                last.Text(row, random.Pick(OrgGenerator.LastNames));
                company.Text(row, string.Create(CultureInfo.InvariantCulture, $"Prospect {row + 1}"));
                source.Text(row, random.Pick(sources));
                converted.Flag(row, isConverted);
                if (isConverted)
                {
                    status.Text(row, "Closed - Converted");
                    convertedDate.Day(row, convertedAt);
                    convertedAccount.Refer(row, a);
                    leads.Stamp(row, convertedAt);
                    continue;
                }
                status.Text(row, random.Chance(0.3) ? "Closed - Not Converted" : random.Chance(0.5) ? "Working - Contacted" : "Open - Not Contacted");
                leads.Stamp(row, created + (long)(random.NextDouble() * (asOf - created)));
                unconverted.Add(row);
            }
        }
        return unconverted;
    }

    private void GenerateCampaigns(OrgStore store, Population population, List<int> leads)
    {
        var campaigns = store["Campaign"];
        var (name, type, status, start, end, active) = (campaigns.Column("Name"), campaigns.Column("Type"), campaigns.Column("Status"),
            campaigns.Column("StartDate"), campaigns.Column("EndDate"), campaigns.Column("IsActive"));
        var types = campaigns.Definition.Find("Type")!.PicklistValues;
        var count = Math.Max(5, population.Count / 40);
        for (var i = 0; i < count; i++)
        {
            var startAt = asOf - (long)(random.NextDouble() * 3 * 365 * Day);
            var row = campaigns.AddRow(startAt - 14 * Day);
            name.Text(row, string.Create(CultureInfo.InvariantCulture, $"Campaign {row + 1}"));
            type.Text(row, random.Pick(types));
            var endAt = startAt + 30 * Day;
            status.Text(row, endAt < asOf ? "Completed" : "In Progress");
            start.Day(row, startAt);
            end.Day(row, endAt);
            active.Flag(row, endAt >= asOf);
            campaigns.StampLastChange(row, endAt, asOf);
        }
        var members = new CampaignMemberWriter(store["CampaignMember"], campaigns, random, asOf);
        for (var a = 0; a < population.Count; a++)
        {
            for (var c = 0; c < population.ContactCount[a]; c++)
            {
                var memberships = random.Poisson(0.8);
                for (var k = 0; k < memberships; k++)
                {
                    members.Add(population.FirstContact[a] + c, contact: true);
                }
            }
        }
        foreach (var lead in leads)
        {
            if (random.Chance(0.5))
            {
                members.Add(lead, contact: false);
            }
        }
    }

    /// <summary>A few records sit in the recycle bin, so queryAll and /deleted have something to show.</summary>
    private void SoftDeleteAFew(ObjectTable table)
    {
        var count = Math.Max(1, table.Count / 300);
        for (var i = 0; i < count; i++)
        {
            var row = random.Next(table.Count);
            if (!table.IsDeleted[row])
            {
                table.Delete(row, asOf - (long)(random.NextDouble() * 10 * Day));
            }
        }
    }
}

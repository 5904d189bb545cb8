using System.Diagnostics;
using System.Globalization;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Generation;

/// <summary>
/// Builds the synthetic org from (seed, accounts, as-of) alone. Accounts buy by a BG/NBD
/// process with Gamma-Gamma deal values (<see cref="BtydParameters"/>); everything else
/// (contacts, lost and open deals, invoices, and <see cref="RelatedRecordsGenerator"/>'s objects)
/// is drawn around those purchases.
/// </summary>
internal sealed class OrgGenerator(SandboxSettings settings, BtydParameters btyd)
{
    private const long WeekMillis = 7 * ColumnWrites.DayMillis;
    private static readonly string[] Adjectives = ["Blue", "Northern", "Rapid", "Bright", "Silver", "Summit", "Pioneer", "Atlas", "Cedar", "Harbor", "Vertex", "Golden"];
    private static readonly string[] Nouns = ["Systems", "Foods", "Logistics", "Labs", "Health", "Energy", "Media", "Works", "Partners", "Dynamics", "Retail", "Capital"];
    internal static readonly string[] FirstNames = ["Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nora", "Omar", "Priya"];
    internal static readonly string[] LastNames = ["Smith", "Garcia", "Müller", "Chen", "Okafor", "Rossi", "Novak", "Silva", "Kim", "Larsen", "Haddad", "Kowalski"];
    private static readonly string[] Countries = ["United States", "Germany", "United Kingdom", "France", "Canada", "Japan", "Brazil", "India"];

    private readonly DeterministicRandom random = new(DeterministicRandom.Mix((ulong)settings.Seed) ^ (ulong)settings.Accounts);
    private readonly long asOf = settings.EffectiveAsOf.ToUnixTimeMilliseconds();

    public (OrgStore Store, Population Population, TimeSpan Elapsed) Generate(OrgClock clock)
    {
        var watch = Stopwatch.StartNew();
        var store = new OrgStore(OrgSchema.Build(), clock);
        var population = new Population(settings.Accounts);
        ReserveExpectedRows(store);
        GenerateAccounts(store["Account"], population);
        GenerateContacts(store["Contact"], store["Account"], population);
        GenerateOpportunities(store, population);
        new RelatedRecordsGenerator(random, asOf).Generate(store, population);
        return (store, population, watch.Elapsed);
    }

    /// <summary>
    /// Sizes every table for the rows it will get (per account, with a margin): growing column
    /// arrays by doubling at a million rows means large-object allocations and full collections.
    /// </summary>
    private void ReserveExpectedRows(OrgStore store)
    {
        var perAccount = new Dictionary<string, double>
        {
            ["Account"] = 1, ["Contact"] = 3.3, ["Opportunity"] = 10.8, ["Invoice__c"] = 4.6, ["Lead"] = 2, ["CampaignMember"] = 3,
            ["Case"] = 2.4, ["Task"] = 4.3, ["Event"] = 2.2, ["Survey_Response__c"] = 2.4, ["Product_Usage__c"] = 3.6,
        };
        foreach (var (name, rows) in perAccount)
        {
            store[name].Reserve((int)(settings.Accounts * rows) + 64);
        }
    }

    private void GenerateAccounts(ObjectTable accounts, Population population)
    {
        var (name, type, industry, country) = (accounts.Column("Name"), accounts.Column("Type"), accounts.Column("Industry"), accounts.Column("BillingCountry"));
        for (var i = 0; i < settings.Accounts; i++)
        {
            var created = asOf - (long)(ColumnWrites.DayMillis * (7 + random.NextDouble() * 5 * 365));
            var row = accounts.AddRow(created);
            name.Text(row, string.Create(CultureInfo.InvariantCulture, $"{random.Pick(Adjectives)} {random.Pick(Nouns)} {i + 1}"));
            industry.Text(row, random.Chance(0.03) ? null : random.Pick(OrgSchema.Industries));
            country.Text(row, random.Pick(Countries));
            population.Customer[row] = random.Chance(0.85);
            type.Text(row, population.Customer[row] ? "Customer - Direct" : "Prospect");
            population.PurchaseRatePerWeek[row] = random.Gamma(btyd.R, 1 / btyd.Alpha);
            population.DropOut[row] = random.Beta(btyd.A, btyd.B);
            population.SpendRate[row] = random.Gamma(btyd.Q, 1 / btyd.Gamma);
            accounts.Stamp(row, created + (long)(random.NextDouble() * (asOf - created)));
        }
    }

    private void GenerateContacts(ObjectTable contacts, ObjectTable accounts, Population population)
    {
        var (account, first, last, email) = (contacts.Column("AccountId"), contacts.Column("FirstName"), contacts.Column("LastName"), contacts.Column("Email"));
        for (var a = 0; a < accounts.Count; a++)
        {
            population.FirstContact[a] = contacts.Count;
            population.ContactCount[a] = 1 + random.Poisson(2);
            for (var k = 0; k < population.ContactCount[a]; k++)
            {
                var created = accounts.CreatedDate[a] + (long)(random.NextDouble() * (asOf - accounts.CreatedDate[a]) * 0.5);
                var row = contacts.AddRow(created);
                account.Refer(row, a);
                first.Text(row, random.Pick(FirstNames));
                last.Text(row, random.Pick(LastNames));
                email.Text(row, string.Create(CultureInfo.InvariantCulture, $"contact{row + 1}@example.com"));
            }
        }
    }

    private void GenerateOpportunities(OrgStore store, Population population)
    {
        var accounts = store["Account"];
        var deals = new DealWriter(store["Opportunity"], store["Invoice__c"], random, asOf);
        for (var a = 0; a < accounts.Count; a++)
        {
            var start = deals.Count;
            var created = accounts.CreatedDate[a];
            var won = 0;
            if (population.Customer[a])
            {
                won = GenerateWonDeals(deals, population, a, created);
            }
            var lost = random.Poisson(2.65 + 0.6 * won);
            for (var k = 0; k < lost; k++)
            {
                var close = created + (long)(random.NextDouble() * (asOf - created));
                deals.AddLost(a, close, random.Gamma(btyd.P, 1 / population.SpendRate[a]), created);
            }
            if (population.Alive[a] || !population.Customer[a])
            {
                var open = random.Poisson(1.2);
                for (var k = 0; k < open; k++)
                {
                    deals.AddOpen(a, random.Gamma(btyd.P, 1 / population.SpendRate[a]), created);
                }
            }
            population.DealCount[a] = deals.Count - start;
        }
    }

    /// <summary>First purchase, then repeat purchases at rate λ until as-of or drop-out (only after a repeat purchase, as in BG/NBD).</summary>
    private int GenerateWonDeals(DealWriter deals, Population population, int account, long created)
    {
        var first = created + (long)random.Exponential(60 * ColumnWrites.DayMillis);
        if (first >= asOf)
        {
            population.Customer[account] = false;
            return 0;
        }
        deals.AddWon(account, first, DealValue(population, account), "New Customer", created);
        var won = 1;
        var alive = true;
        var at = first;
        while (true)
        {
            at += (long)(random.Exponential(1 / population.PurchaseRatePerWeek[account]) * WeekMillis);
            if (at >= asOf)
            {
                break;
            }
            deals.AddWon(account, at, DealValue(population, account), RepeatType(), created);
            won++;
            if (random.Chance(population.DropOut[account]))
            {
                alive = false;
                break;
            }
        }
        population.Alive[account] = alive;
        return won;
    }

    internal double DealValue(Population population, int account) => random.Gamma(btyd.P, 1 / population.SpendRate[account]);

    internal string RepeatType()
    {
        var draw = random.NextDouble();
        return draw < 0.3 ? OrgSchema.UpgradeType : draw < 0.9 ? "Existing Customer - Replacement" : "Existing Customer - Downgrade";
    }
}

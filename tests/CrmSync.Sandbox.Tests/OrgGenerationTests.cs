using System.Net;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

public sealed class OrgGenerationTests
{
    private const string DealsSoql = "SELECT Id, AccountId, Amount, CloseDate, StageName, Type, CreatedDate, SystemModstamp FROM Opportunity ORDER BY Id";

    [Fact]
    public async Task Same_seed_gives_the_same_org_and_another_seed_a_different_one()
    {
        var first = await SnapshotAsync(seed: 11);
        var again = await SnapshotAsync(seed: 11);
        var other = await SnapshotAsync(seed: 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Deals, other.Deals);
    }

    [Fact]
    public async Task Stats_report_the_known_BTYD_parameters_and_object_counts()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 50 });
        using var http = await Sandbox.LoginAsync(server);
        await http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account"));
        var (response, stats) = await http.GetJsonAsync("/__sandbox/stats");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0.8, stats.GetProperty("bgnbd").GetProperty("r").GetDouble());
        Assert.Equal(12, stats.GetProperty("bgnbd").GetProperty("alpha").GetDouble());
        Assert.Equal(15000, stats.GetProperty("gammaGamma").GetProperty("gamma").GetDouble());
        Assert.Equal(50, stats.GetProperty("objects").GetProperty("Account").GetInt32());
        Assert.Equal(50, stats.GetProperty("usage").GetProperty("rowsServed").GetInt64());
        Assert.Equal(1, stats.GetProperty("usage").GetProperty("callsByObject").GetProperty("Account").GetInt64());
        Assert.Equal(1, stats.GetProperty("usage").GetProperty("callsByEndpoint").GetProperty("GET /query").GetInt64());
        Assert.Contains(server.Banner, line => line.Contains("r=0.8 alpha=12 a=0.6 b=2.4", StringComparison.Ordinal));
        Assert.Contains(server.Banner, line => line.Contains("username=admin@sandbox.crmsync password=sandbox", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Won_deal_values_average_the_Gamma_Gamma_mean()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Seed = 5, Accounts = 2000 });
        using var http = await Sandbox.LoginAsync(server);
        var amounts = new List<double>();
        var url = Sandbox.Query("SELECT Amount FROM Opportunity WHERE IsWon = true AND Amount != null");
        while (true)
        {
            var (_, page) = await http.GetJsonAsync(url);
            amounts.AddRange(page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Amount").GetDouble()));
            if (page.GetProperty("done").GetBoolean())
            {
                break;
            }
            url = page.GetProperty("nextRecordsUrl").GetString()!;
        }

        // p·γ/(q−1) = 6 · 15000 / 3 = 30000 per deal on average.
        Assert.True(amounts.Count > 3000);
        Assert.InRange(amounts.Average(), 27_000, 33_000);
    }

    [Fact]
    public async Task Truth_lists_each_accounts_hidden_draws_and_matches_who_bought()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Seed = 9, Accounts = 300 });
        using var http = await Sandbox.LoginAsync(server);
        var truth = BulkTests.ParseCsv(await http.GetStringAsync("/__sandbox/truth"));
        var (_, won) = await http.GetJsonAsync(Sandbox.QueryAll("SELECT AccountId FROM Opportunity WHERE IsWon = true"));
        var buyers = won.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("AccountId").GetString()).ToHashSet();

        Assert.Equal(300, truth.Count);
        Assert.All(truth, row => Assert.Equal(row["Customer"] == "true", buyers.Contains(row["AccountId"])));
        Assert.All(truth, row => Assert.InRange(double.Parse(row["DropOutProbability"], System.Globalization.CultureInfo.InvariantCulture), 0, 1));
        Assert.All(truth.Where(r => r["Alive"] == "true"), row => Assert.Equal("true", row["Customer"]));
    }

    [Fact]
    public async Task The_org_has_the_dirty_records_real_orgs_have()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 1000 });
        using var http = await Sandbox.LoginAsync(server);
        var (_, nullAmount) = await http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity WHERE IsWon = true AND Amount = null"));
        var (_, cases) = await http.GetJsonAsync(Sandbox.Query("SELECT CreatedDate, ClosedDate FROM Case WHERE IsClosed = true"));
        var (_, converted) = await http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Lead WHERE IsConverted = true"));
        var (_, responded) = await http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM CampaignMember WHERE HasResponded = true AND FirstRespondedDate != null"));
        var (_, upgrades) = await http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity WHERE IsWon = true AND Type = 'Existing Customer - Upgrade'"));

        Assert.True(nullAmount.GetProperty("totalSize").GetInt32() > 0);
        Assert.Contains(cases.GetProperty("records").EnumerateArray(), c => string.CompareOrdinal(c.GetProperty("ClosedDate").GetString(), c.GetProperty("CreatedDate").GetString()) < 0);
        Assert.True(converted.GetProperty("totalSize").GetInt32() > 0);
        Assert.True(responded.GetProperty("totalSize").GetInt32() > 0);
        Assert.True(upgrades.GetProperty("totalSize").GetInt32() > 0);
    }

    [Fact]
    public async Task Advance_adds_deals_updates_and_hard_deletes_deterministically()
    {
        var (before, after, body) = await AdvanceAsync(seed: 2);
        var (_, again, _) = await AdvanceAsync(seed: 2);

        Assert.Equal(after, again);
        Assert.Equal(30, body.GetProperty("daysAdvanced").GetInt32());
        Assert.StartsWith("2026-12-01T", body.GetProperty("now").GetString());
        Assert.True(after.Deals > before.Deals, "live customers keep buying");
        Assert.True(after.UpdatedSinceAsOf > 0);
        Assert.True(after.HardDeletedMembers > 0, "some campaign members vanish from queryAll");
        Assert.True(before.RecycleBinContacts > 0);
        Assert.Equal(0, after.RecycleBinContactsFromBefore);
    }

    private static async Task<(Counts Before, Counts After, JsonElement Body)> AdvanceAsync(int seed)
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Seed = seed, Accounts = 400 });
        using var http = await Sandbox.LoginAsync(server);
        var before = await CountsAsync(http, [], []);
        var (_, members) = await http.GetJsonAsync(Sandbox.QueryAll("SELECT Id FROM CampaignMember"));
        var memberIds = members.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString()!).ToList();
        using var response = await http.PostAsync("/__sandbox/advance?days=30", null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (before, await CountsAsync(http, memberIds, before.DeletedContactIds), body);
    }

    private static async Task<Counts> CountsAsync(HttpClient http, List<string> formerMembers, IReadOnlyList<string> formerlyDeletedContacts)
    {
        // Deleted before as-of, so 30 days later they are past the 15-day recycle bin.
        var (_, binned) = await http.GetJsonAsync(Sandbox.QueryAll("SELECT Id FROM Contact WHERE IsDeleted = true"));
        var deletedContactIds = binned.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString()!).ToList();
        var (_, deals) = await http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity"));
        var (_, updated) = await http.GetJsonAsync($"{Sandbox.V}/sobjects/Opportunity/updated/?start=2026-11-01T00%3A00%3A00Z&end=2027-01-01T00%3A00%3A00Z");
        var (_, members) = await http.GetJsonAsync(Sandbox.QueryAll("SELECT Id FROM CampaignMember"));
        var present = members.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString()).ToHashSet();
        return new Counts(deals.GetProperty("totalSize").GetInt32(), updated.GetProperty("ids").GetArrayLength(), formerMembers.Count(id => !present.Contains(id)),
            deletedContactIds.Count, formerlyDeletedContacts.Count(deletedContactIds.Contains), deletedContactIds);
    }

    private static async Task<(string Deals, string Objects)> SnapshotAsync(int seed)
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Seed = seed, Accounts = 60 });
        using var http = await Sandbox.LoginAsync(server);
        var (_, deals) = await http.GetJsonAsync(Sandbox.QueryAll(DealsSoql), r => r.Headers.Add("Sforce-Query-Options", "batchSize=2000"));
        var (_, stats) = await http.GetJsonAsync("/__sandbox/stats");
        return (deals.GetRawText(), stats.GetProperty("objects").GetRawText());
    }

    private sealed record Counts(int Deals, int UpdatedSinceAsOf, int HardDeletedMembers, int RecycleBinContacts, int RecycleBinContactsFromBefore, IReadOnlyList<string> DeletedContactIds)
    {
        public bool Equals(Counts? other) =>
            other is not null && (Deals, UpdatedSinceAsOf, HardDeletedMembers, RecycleBinContacts, RecycleBinContactsFromBefore) ==
            (other.Deals, other.UpdatedSinceAsOf, other.HardDeletedMembers, other.RecycleBinContacts, other.RecycleBinContactsFromBefore)
            && DeletedContactIds.SequenceEqual(other.DeletedContactIds);

        public override int GetHashCode() => HashCode.Combine(Deals, UpdatedSinceAsOf, HardDeletedMembers, RecycleBinContacts);
    }
}

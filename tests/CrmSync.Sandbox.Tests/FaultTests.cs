using System.Net;
using System.Text;
using System.Text.Json;
using CrmSync.Sandbox.Faults;

namespace CrmSync.Sandbox.Tests;

public sealed class FaultTests
{
    [Fact]
    public void Spec_parses_every_rule_and_prints_back()
    {
        var spec = FaultSpec.Parse("503=0.05, lock=0.1,expire-after=100,limit-after=500,truncate=0.02,slow=0.1:1500");

        Assert.Equal(0.05, spec.Unavailable);
        Assert.Equal(0.1, spec.LockRow);
        Assert.Equal(100, spec.ExpireAfterCalls);
        Assert.Equal(500, spec.LimitAfterCalls);
        Assert.Equal(0.02, spec.Truncate);
        Assert.Equal(0.1, spec.Slow);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), spec.SlowBy);
        Assert.Equal("503=0.05,lock=0.1,expire-after=100,limit-after=500,truncate=0.02,slow=0.1:1500", spec.ToString());
        Assert.Equal(FaultSpec.None, FaultSpec.Parse(null));
    }

    [Theory]
    [InlineData("503=2", "503=2")]
    [InlineData("explode=0.1", "explode")]
    [InlineData("slow=0.5", "slow=0.5")]
    [InlineData("limit-after=-1", "limit-after=-1")]
    [InlineData("lock", "lock")]
    public void Bad_specs_name_the_rule(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => FaultSpec.Parse(text));
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Slow_rule_delays_the_share_of_calls_it_names()
    {
        var injector = new FaultInjector(1, FaultSpec.Parse("slow=0.25:800"));
        var delays = Enumerable.Range(1, 4000).Select(call => injector.Delay(call)).ToList();

        Assert.All(delays.Where(d => d is not null), d => Assert.Equal(TimeSpan.FromMilliseconds(800), d));
        Assert.InRange(delays.Count(d => d is not null), 900, 1100);
        Assert.Null(new FaultInjector(1, FaultSpec.None).Delay(1));
    }

    [Fact]
    public async Task A_share_of_calls_answer_503_the_same_way_for_the_same_seed()
    {
        var first = await StatusesAsync(seed: 3, "503=0.5");
        var again = await StatusesAsync(seed: 3, "503=0.5");
        var other = await StatusesAsync(seed: 4, "503=0.5");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(s => s == HttpStatusCode.ServiceUnavailable), 5, 35);
        Assert.All(first, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
    }

    [Fact]
    public async Task Lock_rule_fails_collection_records_with_UNABLE_TO_LOCK_ROW_but_answers_200()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20, Faults = "lock=1" });
        using var http = await Sandbox.LoginAsync(server);
        var (_, accounts) = await http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account LIMIT 2"));
        var ids = accounts.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString()).ToArray();

        var (response, results) = await http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects",
            $$"""{"records":[{"attributes":{"type":"Account"},"id":"{{ids[0]}}","CrmSync_CSAT__c":5},{"attributes":{"type":"Account"},"id":"{{ids[1]}}","CrmSync_CSAT__c":6}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(results.EnumerateArray(), r => Assert.Equal("UNABLE_TO_LOCK_ROW", r.GetProperty("errors")[0].GetProperty("statusCode").GetString()));
    }

    [Fact]
    public async Task Expire_after_kills_tokens_and_limit_after_exhausts_the_org()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20, Faults = "expire-after=2,limit-after=4" });
        using var http = await Sandbox.LoginAsync(server);
        var (one, _) = await http.GetJsonAsync($"{Sandbox.V}/limits");
        var (two, _) = await http.GetJsonAsync($"{Sandbox.V}/limits");
        var (three, expired) = await http.GetJsonAsync($"{Sandbox.V}/limits");
        using var fresh = await Sandbox.LoginAsync(server);
        var (four, _) = await fresh.GetJsonAsync($"{Sandbox.V}/limits");
        var (five, _) = await fresh.GetJsonAsync($"{Sandbox.V}/limits");
        using var third = await Sandbox.LoginAsync(server);
        var (six, limited) = await third.GetJsonAsync($"{Sandbox.V}/limits");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden],
            new[] { one.StatusCode, two.StatusCode, three.StatusCode, four.StatusCode, five.StatusCode, six.StatusCode });
        Assert.Equal("INVALID_SESSION_ID", expired[0].GetProperty("errorCode").GetString());
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", limited[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Truncate_cuts_JSON_bodies_and_faults_can_be_changed_at_run_time()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20 });
        using var http = await Sandbox.LoginAsync(server);
        var url = Sandbox.Query("SELECT Id, Name FROM Account");
        var whole = await http.GetStringAsync(url);

        using var set = await http.PutAsync("/__sandbox/faults", new StringContent("truncate=1"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var cut = await http.GetStringAsync(url);
        using var cleared = await http.DeleteAsync("/__sandbox/faults");
        var restored = await http.GetStringAsync(url);

        Assert.Equal(whole.Length / 2, Encoding.UTF8.GetByteCount(cut));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut));
        Assert.Equal(whole, restored);
        using var bad = await http.PutAsync("/__sandbox/faults", new StringContent("503=7"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public void Schema_rules_parse_and_print_back_and_bad_ones_are_named()
    {
        var spec = FaultSpec.Parse("drop-field=Opportunity.Amount@40,revoke-read=Case,revoke-edit=Account.CrmSync_CLV__c@3");

        Assert.Equal(
            [new SchemaRule(SchemaChange.DropField, "Opportunity", "Amount", 40), new SchemaRule(SchemaChange.RevokeRead, "Case", null, 0),
                new SchemaRule(SchemaChange.RevokeEdit, "Account", "CrmSync_CLV__c", 3)],
            spec.Schema);
        Assert.Equal("drop-field=Opportunity.Amount@40,revoke-read=Case@0,revoke-edit=Account.CrmSync_CLV__c@3", spec.ToString());
        Assert.Contains("drop-field=Object.Field", Assert.Throws<FormatException>(() => FaultSpec.Parse("drop-field=Opportunity")).Message);
        Assert.Contains("revoke-read=Case DROP", Assert.Throws<FormatException>(() => FaultSpec.Parse("revoke-read=Case DROP")).Message);
    }

    [Fact]
    public async Task A_field_dropped_after_N_calls_disappears_from_describe_queries_and_writes_until_faults_are_cleared()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20, Faults = "drop-field=Opportunity.Amount@2" });
        using var http = await Sandbox.LoginAsync(server);
        var query = Sandbox.Query("SELECT Id, Amount FROM Opportunity LIMIT 1");
        var (first, _) = await http.GetJsonAsync(query);
        var (_, describeBefore) = await http.GetJsonAsync($"{Sandbox.V}/sobjects/Opportunity/describe");
        var (gone, error) = await http.GetJsonAsync(query);
        var (_, describeAfter) = await http.GetJsonAsync($"{Sandbox.V}/sobjects/Opportunity/describe");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Amount", FieldNames(describeBefore));
        Assert.Equal(HttpStatusCode.BadRequest, gone.StatusCode);
        Assert.Equal("INVALID_FIELD", error[0].GetProperty("errorCode").GetString());
        Assert.DoesNotContain("Amount", FieldNames(describeAfter));
        Assert.Contains("CloseDate", FieldNames(describeAfter));

        using var cleared = await http.DeleteAsync("/__sandbox/faults");
        var (restored, _) = await http.GetJsonAsync(query);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task Revoked_read_hides_an_object_and_revoked_edit_refuses_writes_to_a_field()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20 });
        using var http = await Sandbox.LoginAsync(server);
        var (_, accounts) = await http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account LIMIT 1"));
        var id = accounts.GetProperty("records")[0].GetProperty("Id").GetString();
        using var set = await http.PutAsync("/__sandbox/faults", new StringContent("revoke-read=Case,revoke-edit=Account.CrmSync_CSAT__c"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var (_, global) = await http.GetJsonAsync($"{Sandbox.V}/sobjects");
        var (caseQuery, caseError) = await http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Case"));
        var (describeCase, _) = await http.GetJsonAsync($"{Sandbox.V}/sobjects/Case/describe");
        var (_, account) = await http.GetJsonAsync($"{Sandbox.V}/sobjects/Account/describe");
        var (_, written) = await http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects",
            $$"""{"records":[{"attributes":{"type":"Account"},"id":"{{id}}","CrmSync_CSAT__c":5}]}""");

        Assert.DoesNotContain("Case", global.GetProperty("sobjects").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal("INVALID_TYPE", caseError[0].GetProperty("errorCode").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, caseQuery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, describeCase.StatusCode);
        var csat = account.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "CrmSync_CSAT__c");
        Assert.False(csat.GetProperty("updateable").GetBoolean());
        Assert.Equal("INVALID_FIELD_FOR_INSERT_UPDATE", written[0].GetProperty("errors")[0].GetProperty("statusCode").GetString());

        using var bad = await http.PutAsync("/__sandbox/faults", new StringContent("drop-field=Account.NoSuch__c"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static List<string?> FieldNames(JsonElement describe) =>
        describe.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();

    private static async Task<List<HttpStatusCode>> StatusesAsync(int seed, string faults)
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Seed = seed, Accounts = 10, Faults = faults });
        using var http = await Sandbox.LoginAsync(server);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await http.GetAsync($"{Sandbox.V}/limits");
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }
}

using System.Net;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

public sealed class SoqlTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Where_with_and_or_parentheses_and_comparisons_partitions_the_rows()
    {
        var all = await Count("SELECT COUNT() FROM Opportunity");
        var won = await Count("SELECT COUNT() FROM Opportunity WHERE IsWon = true");
        var notWon = await Count("SELECT COUNT() FROM Opportunity WHERE IsWon = false");
        Assert.Equal(all, won + notWon);

        var big = await Count("SELECT COUNT() FROM Opportunity WHERE Amount >= 20000");
        var small = await Count("SELECT COUNT() FROM Opportunity WHERE Amount < 20000");
        var noAmount = await Count("SELECT COUNT() FROM Opportunity WHERE Amount = null");
        Assert.Equal(all, big + small + noAmount);
        Assert.True(noAmount > 0, "the org has dirty won deals without Amount");

        var wonOrBig = await Count("SELECT COUNT() FROM Opportunity WHERE IsWon = true OR Amount >= 20000");
        var wonAndBig = await Count("SELECT COUNT() FROM Opportunity WHERE (IsWon = true AND Amount >= 20000)");
        Assert.Equal(won + big - wonAndBig, wonOrBig);

        var nested = await Count("SELECT COUNT() FROM Opportunity WHERE (IsWon = true OR IsClosed = false) AND Amount != null");
        var nestedParts = await Count("SELECT COUNT() FROM Opportunity WHERE IsWon = true AND Amount != null")
                          + await Count("SELECT COUNT() FROM Opportunity WHERE IsClosed = false AND Amount != null");
        Assert.Equal(nestedParts, nested);
    }

    [Fact]
    public async Task In_lists_dates_and_datetimes_filter_by_value()
    {
        var records = await Records("SELECT Id, StageName, CloseDate, CreatedDate FROM Opportunity WHERE StageName IN ('Closed Won', 'Prospecting') AND CloseDate >= 2025-01-01 AND CreatedDate < 2026-06-01T00:00:00Z");
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.Contains(r.GetProperty("StageName").GetString(), new[] { "Closed Won", "Prospecting" });
            Assert.True(string.CompareOrdinal(r.GetProperty("CloseDate").GetString(), "2025-01-01") >= 0);
            Assert.True(string.CompareOrdinal(r.GetProperty("CreatedDate").GetString(), "2026-06-01T00:00:00.000+0000") < 0);
        });
        var both = await Count("SELECT COUNT() FROM Opportunity WHERE StageName IN ('Closed Won', 'Prospecting')");
        var each = await Count("SELECT COUNT() FROM Opportunity WHERE StageName = 'Closed Won'") + await Count("SELECT COUNT() FROM Opportunity WHERE StageName = 'prospecting'");
        Assert.Equal(each, both);
    }

    [Fact]
    public async Task Id_and_reference_filters_find_the_related_rows()
    {
        var account = (await Records("SELECT Id FROM Account LIMIT 1"))[0].GetProperty("Id").GetString()!;
        var byId = await Records($"SELECT Id, Name FROM Account WHERE Id = '{account}'");
        Assert.Equal(account, Assert.Single(byId).GetProperty("Id").GetString());
        var byShortId = await Records($"SELECT Id FROM Account WHERE Id = '{account[..15]}'");
        Assert.Single(byShortId);

        var deals = await Records($"SELECT Id, AccountId FROM Opportunity WHERE AccountId = '{account}'");
        Assert.All(deals, d => Assert.Equal(account, d.GetProperty("AccountId").GetString()));
        Assert.Equal(await Count("SELECT COUNT() FROM Opportunity") - deals.Count, await Count($"SELECT COUNT() FROM Opportunity WHERE AccountId != '{account}'"));
    }

    [Fact]
    public async Task Order_by_several_fields_and_limit()
    {
        var records = await Records("SELECT Id, StageName, Amount FROM Opportunity WHERE Amount != null ORDER BY StageName ASC, Amount DESC LIMIT 300");
        Assert.Equal(300, records.Count);
        for (var i = 1; i < records.Count; i++)
        {
            var (a, b) = (records[i - 1], records[i]);
            var stage = string.Compare(a.GetProperty("StageName").GetString(), b.GetProperty("StageName").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(stage < 0 || (stage == 0 && a.GetProperty("Amount").GetDouble() >= b.GetProperty("Amount").GetDouble()), $"rows {i - 1} and {i} out of order");
        }
    }

    [Fact]
    public async Task Id_ranges_page_by_key_in_ORDER_BY_Id_order()
    {
        var ordered = (await Records("SELECT Id FROM Opportunity ORDER BY Id LIMIT 450")).Select(r => r.GetProperty("Id").GetString()!).ToList();
        var after = (await Records($"SELECT Id FROM Opportunity WHERE Id > '{ordered[199]}' ORDER BY Id LIMIT 250")).Select(r => r.GetProperty("Id").GetString()!).ToList();
        var upTo = await Count($"SELECT COUNT() FROM Opportunity WHERE Id <= '{ordered[199]}'");

        Assert.Equal(ordered.Skip(200).Take(250), after);
        Assert.Equal(200, upTo);
        Assert.Equal(ordered.Order(StringComparer.Ordinal), ordered);
    }

    [Fact]
    public async Task Order_by_puts_nulls_first_ascending()
    {
        var records = await Records("SELECT Id, Amount FROM Opportunity ORDER BY Amount ASC LIMIT 1");
        Assert.Equal(JsonValueKind.Null, records[0].GetProperty("Amount").ValueKind);
    }

    [Theory]
    [InlineData("SELECT Id FROM Account WHERE", "MALFORMED_QUERY", 1, 29, "unexpected token: <EOF>")]
    [InlineData("SELECT Id, FROM Account", "MALFORMED_QUERY", 1, 12, "unexpected token: 'FROM'")]
    [InlineData("SELECT Id FROM Account WHERE Name LIKE 'A%'", "MALFORMED_QUERY", 1, 35, "unexpected token: 'LIKE'")]
    [InlineData("SELECT Id FROM Account GROUP BY Industry", "MALFORMED_QUERY", 1, 24, "unexpected token: 'GROUP'")]
    [InlineData("SELECT Account.Name FROM Opportunity", "MALFORMED_QUERY", 1, 15, "unexpected token: '.'")]
    [InlineData("SELECT Id FROM Account WHERE Name = 'a' AND Industry = 'b' OR Type = 'c'", "MALFORMED_QUERY", 1, 60, "unexpected token: 'OR'")]
    [InlineData("SELECT Id FROM Account\nWHERE CreatedDate > TODAY", "MALFORMED_QUERY", 2, 21, "unexpected token: 'TODAY'")]
    [InlineData("SELECT Id FROM Account LIMIT 5 OFFSET 10", "MALFORMED_QUERY", 1, 32, "unexpected token: 'OFFSET'")]
    [InlineData("SELECT Id, Name, id FROM Account", "MALFORMED_QUERY", 1, 18, "duplicate field selected: Id")]
    [InlineData("SELECT Id FROM Acount", "INVALID_TYPE", 1, 16, "sObject type 'Acount' is not supported.")]
    [InlineData("SELECT Id, Nmae FROM Account", "INVALID_FIELD", 1, 12, "No such column 'Nmae' on entity 'Account'.")]
    [InlineData("SELECT Id FROM Opportunity ORDER BY Amout", "INVALID_FIELD", 1, 37, "No such column 'Amout' on entity 'Opportunity'.")]
    [InlineData("SELECT Id FROM Opportunity WHERE Amount > '5'", "INVALID_FIELD", 1, 43, "value of filter criterion for field 'Amount' must be of type double and should not be enclosed in quotes")]
    [InlineData("SELECT Id FROM Opportunity WHERE CloseDate > 2026-01-01T00:00:00Z", "INVALID_FIELD", 1, 46, "value of filter criterion for field 'CloseDate' must be of type date")]
    public async Task Errors_name_the_code_and_position(string soql, string errorCode, int row, int column, string message)
    {
        var (response, body) = await sandbox.Http.GetJsonAsync(Sandbox.Query(soql));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body[0];
        Assert.Equal(errorCode, error.GetProperty("errorCode").GetString());
        var text = error.GetProperty("message").GetString()!;
        Assert.Contains($"ERROR at Row:{row}:Column:{column}\n{message}", text);
        var lines = text.Split('\n');
        Assert.Equal(column - 1, lines[2].IndexOf('^', StringComparison.Ordinal));
        Assert.Equal(soql.Split('\n')[row - 1], lines[1]);
    }

    private async Task<int> Count(string soql)
    {
        var body = await Ok(soql);
        Assert.Equal(0, body.GetProperty("records").GetArrayLength());
        return body.GetProperty("totalSize").GetInt32();
    }

    private async Task<List<JsonElement>> Records(string soql) => (await Ok(soql)).GetProperty("records").EnumerateArray().ToList();

    private async Task<JsonElement> Ok(string soql)
    {
        var (response, body) = await sandbox.Http.GetJsonAsync(Sandbox.Query(soql));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }
}

using System.Net;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

public sealed class QueryPagingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Paging_follows_nextRecordsUrl_to_a_last_page_without_the_key()
    {
        var (_, count) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity"));
        var total = count.GetProperty("totalSize").GetInt32();
        Assert.True(total > 500, "the fixture org should need several pages of 200");

        var url = Sandbox.Query("SELECT Id, Amount FROM Opportunity");
        var ids = new List<string>();
        var pages = 0;
        while (true)
        {
            var (response, page) = await sandbox.Http.GetJsonAsync(url, r => r.Headers.Add("Sforce-Query-Options", "batchSize=200"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages++;
            Assert.Equal(total, page.GetProperty("totalSize").GetInt32());
            ids.AddRange(page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString()!));
            if (page.GetProperty("done").GetBoolean())
            {
                Assert.False(page.TryGetProperty("nextRecordsUrl", out _));
                break;
            }
            Assert.Equal(200, page.GetProperty("records").GetArrayLength());
            url = page.GetProperty("nextRecordsUrl").GetString()!;
            Assert.Matches($"^{Sandbox.V.Replace(".", "\\.", StringComparison.Ordinal)}/query/01g[0-9A-Za-z]{{15}}-{ids.Count}$", url);
        }
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal((total + 199) / 200, pages);
    }

    [Fact]
    public async Task Default_batch_is_2000_and_small_results_come_in_one_page()
    {
        var (_, page) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Opportunity"));
        Assert.Equal(2000, page.GetProperty("records").GetArrayLength());
        Assert.False(page.GetProperty("done").GetBoolean());

        var (_, small) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account LIMIT 5"));
        Assert.Equal(5, small.GetProperty("totalSize").GetInt32());
        Assert.True(small.GetProperty("done").GetBoolean());
        Assert.False(small.TryGetProperty("nextRecordsUrl", out _));
    }

    [Fact]
    public async Task Records_carry_attributes_first_and_Salesforce_value_formats()
    {
        var (response, body) = await sandbox.Http.GetJsonAsync(Sandbox.Query(
            "SELECT Id, Name, Amount, CloseDate, CreatedDate, IsWon, Type FROM Opportunity WHERE Amount != null LIMIT 1"));
        var text = body.GetRawText();
        var record = body.GetProperty("records")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attributes", record.EnumerateObject().First().Name);
        Assert.Equal("Opportunity", record.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal($"{Sandbox.V}/sobjects/Opportunity/{record.GetProperty("Id").GetString()}", record.GetProperty("attributes").GetProperty("url").GetString());
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", record.GetProperty("CloseDate").GetString());
        Assert.Matches(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.000\+0000$", record.GetProperty("CreatedDate").GetString());
        Assert.Matches(@"""Amount"":[0-9]+\.[0-9]+(E[0-9]+)?[,}]", text);
        Assert.Contains(record.GetProperty("IsWon").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public async Task Null_fields_are_present_as_null()
    {
        var (_, body) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id, CrmSync_CSAT__c, CrmSync_CLV_Tier__c FROM Account LIMIT 1"));
        var record = body.GetProperty("records")[0];

        Assert.Equal(JsonValueKind.Null, record.GetProperty("CrmSync_CSAT__c").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("CrmSync_CLV_Tier__c").ValueKind);
    }

    [Fact]
    public async Task QueryAll_also_returns_deleted_rows()
    {
        var (_, live) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity"));
        var (_, all) = await sandbox.Http.GetJsonAsync(Sandbox.QueryAll("SELECT COUNT() FROM Opportunity"));
        var (_, deleted) = await sandbox.Http.GetJsonAsync(Sandbox.QueryAll("SELECT Id, IsDeleted FROM Opportunity WHERE IsDeleted = true"));
        var (_, noneLive) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity WHERE IsDeleted = true"));

        var deletedCount = deleted.GetProperty("totalSize").GetInt32();
        Assert.True(deletedCount > 0);
        Assert.Equal(all.GetProperty("totalSize").GetInt32(), live.GetProperty("totalSize").GetInt32() + deletedCount);
        Assert.Equal(0, noneLive.GetProperty("totalSize").GetInt32());
        Assert.All(deleted.GetProperty("records").EnumerateArray(), r => Assert.True(r.GetProperty("IsDeleted").GetBoolean()));
    }

    [Fact]
    public async Task QueryAll_pages_continue_under_either_query_or_queryAll()
    {
        var (_, first) = await sandbox.Http.GetJsonAsync(Sandbox.QueryAll("SELECT Id FROM Opportunity"), r => r.Headers.Add("Sforce-Query-Options", "batchSize=200"));
        var next = first.GetProperty("nextRecordsUrl").GetString()!;
        var (_, viaQuery) = await sandbox.Http.GetJsonAsync(next);
        var (_, viaQueryAll) = await sandbox.Http.GetJsonAsync(next.Replace("/query/", "/queryAll/", StringComparison.Ordinal));

        // Salesforce's queryAll hands out a /query/ locator URL that also works under /queryAll/.
        Assert.Contains("/query/", next, StringComparison.Ordinal);
        Assert.Equal(viaQuery.GetRawText(), viaQueryAll.GetRawText());
        Assert.Equal(first.GetProperty("totalSize").GetInt32(), viaQuery.GetProperty("totalSize").GetInt32());
    }

    [Fact]
    public async Task Pages_are_gzipped_when_the_client_asks()
    {
        var url = Sandbox.Query("SELECT Id, Name FROM Account LIMIT 50");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await sandbox.Http.SendAsync(request);
        await using var unzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(unzip);
        var plain = await sandbox.Http.GetStringAsync(url);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal(plain, await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Unknown_locator_is_INVALID_QUERY_LOCATOR()
    {
        var (response, body) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/query/01g8d0000000zzzAAA-2000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_QUERY_LOCATOR", body[0].GetProperty("errorCode").GetString());
    }
}

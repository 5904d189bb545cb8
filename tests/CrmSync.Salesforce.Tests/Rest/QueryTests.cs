using System.Net;
using System.Text.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;

namespace CrmSync.Salesforce.Tests.Rest;

public sealed class QueryTests
{
    private const string Soql = "SELECT Id, Amount, CloseDate FROM Opportunity WHERE Amount > 0";

    private static SalesforceStub StartWithTwoPages(string resource)
    {
        var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/" + resource).WithParam("q", Soql).UsingGet())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.OpportunityPage1));
        stub.StubGet(SalesforceStub.DataPath + "/query/01gRO0000016PIAYA2-2", DocExamples.OpportunityPage2);
        return stub;
    }

    [Fact]
    public async Task Query_follows_next_records_url_to_the_last_page_with_the_batch_size_header()
    {
        await using var stub = StartWithTwoPages("query");

        var rows = await stub.Get<ISalesforceClient>().QueryAsync<Opportunity>(Soql).ToListAsync();

        Assert.Equal(["006RO0000035WQgYAM", "006RO0000035WQhYAM", "006RO0000035WQiYAM"], rows.Select(r => r.Id));
        Assert.Equal(1500m, rows[2].Amount);
        var first = Assert.Single(stub.Requests(SalesforceStub.DataPath + "/query")).RequestMessage;
        var next = Assert.Single(stub.Requests(SalesforceStub.DataPath + "/query/01gRO0000016PIAYA2-2")).RequestMessage;
        Assert.Equal("batchSize=200", first.Headers!["Sforce-Query-Options"].Single());
        Assert.Equal("batchSize=200", next.Headers!["Sforce-Query-Options"].Single());
    }

    [Fact]
    public async Task Query_all_uses_the_query_all_resource_and_yields_raw_json_records()
    {
        await using var stub = StartWithTwoPages("queryAll");

        var rows = await stub.Get<ISalesforceClient>().QueryAllAsync<JsonElement>(Soql).ToListAsync();

        Assert.Equal(3, rows.Count);
        Assert.Equal(1.39E8, rows[0].GetProperty("Amount").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("Account").ValueKind);
        Assert.Single(stub.Requests(SalesforceStub.DataPath + "/queryAll"));
    }

    [Fact]
    public async Task Stopping_early_does_not_read_further_than_the_page_in_flight()
    {
        await using var stub = StartWithTwoPages("query");

        await foreach (var row in stub.Get<ISalesforceClient>().QueryAsync<Opportunity>(Soql))
        {
            Assert.Equal("006RO0000035WQgYAM", row.Id);
            break;
        }

        Assert.Single(stub.Requests(SalesforceStub.DataPath + "/query"));
        Assert.True(stub.Requests(SalesforceStub.DataPath + "/query/01gRO0000016PIAYA2-2").Count <= 1);
    }

    [Fact]
    public async Task Pages_carry_the_total_size_and_the_second_is_asked_for_only_when_read_on()
    {
        await using var stub = StartWithTwoPages("queryAll");
        var client = stub.Get<ISalesforceClient>();

        await foreach (var page in client.QueryAllPagesAsync<JsonElement>(Soql))
        {
            Assert.Equal(3, page.TotalSize);
            Assert.False(page.Done);
            break;
        }

        Assert.Empty(stub.Requests(SalesforceStub.DataPath + "/query/01gRO0000016PIAYA2-2"));

        var pages = await client.QueryAllPagesAsync<JsonElement>(Soql).ToListAsync();
        Assert.Equal([2, 1], pages.Select(p => p.Records.Count));
        Assert.True(pages[^1].Done);
        Assert.Single(stub.Requests(SalesforceStub.DataPath + "/query/01gRO0000016PIAYA2-2"));
    }

    [Fact]
    public async Task Count_reads_total_size()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(SalesforceStub.DataPath + "/query", """{"totalSize":1532,"done":true,"records":[]}""");

        Assert.Equal(1532, await stub.Get<ISalesforceClient>().CountAsync("SELECT COUNT() FROM Account"));
    }
}

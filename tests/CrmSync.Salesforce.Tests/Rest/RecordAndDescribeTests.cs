using System.Net;
using System.Text.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmSync.Salesforce.Tests.Rest;

public sealed class RecordAndDescribeTests
{
    private const string P = SalesforceStub.DataPath;

    [Fact]
    public async Task Versions_are_read_from_the_instance_root()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet("/services/data/", DocExamples.Versions);

        var versions = await stub.Get<ISalesforceClient>().GetVersionsAsync();

        Assert.Equal(["61.0", "62.0"], versions.Select(v => v.Version));
        Assert.Equal("/services/data/v62.0", versions[1].Url);
    }

    [Fact]
    public async Task Limits_read_max_and_remaining_and_ignore_per_app_breakdowns()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(P + "/limits", DocExamples.Limits);

        var limits = await stub.Get<ISalesforceClient>().GetLimitsAsync();

        Assert.Equal(new OrgLimit(15000, 14998), limits["DailyApiRequests"]);
        Assert.Equal(new OrgLimit(10000, 9998), limits["DailyBulkV2QueryJobs"]);
    }

    [Fact]
    public async Task Describe_global_and_object_describe_read_the_documented_fields()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(P + "/sobjects", DocExamples.DescribeGlobal);
        stub.StubGet(P + "/sobjects/Account/describe", DocExamples.AccountDescribe);
        var client = stub.Get<ISalesforceClient>();

        var global = await client.DescribeGlobalAsync();
        var account = await client.DescribeAsync("Account");

        var summary = Assert.Single(global.Sobjects);
        Assert.Equal(("Account", "001", true, true), (summary.Name, summary.KeyPrefix, summary.Queryable, summary.Replicateable));
        Assert.Equal(200, global.MaxBatchSize);
        var clv = account.Fields.Single(f => f.Name == "CrmSync_CLV_Predicted__c");
        Assert.Equal(("currency", 16, 2, true, false), (clv.Type, clv.Precision, clv.Scale, clv.Updateable, clv.Calculated));
        var industry = account.Fields.Single(f => f.Name == "Industry");
        Assert.Equal(["Agriculture", "Banking"], industry.PicklistValues!.Select(v => v.Value));
        Assert.False(account.Fields.Single(f => f.Name == "Id").Updateable);
    }

    [Fact]
    public async Task Get_record_asks_for_the_listed_fields()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(P + "/sobjects/Opportunity/006RO0000035WQiYAM", """
            {"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/006RO0000035WQiYAM"},
             "Id":"006RO0000035WQiYAM","Amount":2.5E7,"CloseDate":"2026-02-14","CreatedDate":"2026-02-01T08:00:00.000+0000","IsWon":true}
            """);

        var record = await stub.Get<ISalesforceClient>().GetRecordAsync<Opportunity>("Opportunity", "006RO0000035WQiYAM", ["Id", "Amount"]);

        Assert.Equal(25_000_000m, record.Amount);
        var call = Assert.Single(stub.Requests(P + "/sobjects/Opportunity/006RO0000035WQiYAM")).RequestMessage;
        Assert.Equal("Id,Amount", call.Query!["fields"].Single());
    }

    [Fact]
    public async Task Create_update_and_delete_send_the_documented_requests()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(P + "/sobjects/Account").UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.Created, DocExamples.CreateResult));
        stub.Server.Given(Request.Create().WithPath(P + "/sobjects/Account/001D000000IqhSLIAZ").UsingPatch())
            .RespondWith(Response.Create().WithStatusCode(204));
        stub.Server.Given(Request.Create().WithPath(P + "/sobjects/Account/001D000000IqhSLIAZ").UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));
        var client = stub.Get<ISalesforceClient>();

        var created = await client.CreateRecordAsync("Account", new Dictionary<string, object?> { ["Name"] = "Express Logistics and Transport" });
        await client.UpdateRecordAsync("Account", created.Id!, new Dictionary<string, object?>
        {
            ["CrmSync_KPI_As_Of__c"] = new DateTimeOffset(2026, 3, 8, 10, 15, 30, TimeSpan.Zero),
            ["CrmSync_NPS__c"] = null,
        });
        await client.DeleteRecordAsync("Account", created.Id!);

        Assert.Equal("001D000000IqhSLIAZ", created.Id);
        Assert.True(created.Success);
        var patch = stub.Server.LogEntries.Single(e => e.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal("""{"CrmSync_KPI_As_Of__c":"2026-03-08T10:15:30.000+0000","CrmSync_NPS__c":null}""", patch.Body);
        Assert.Single(stub.Server.LogEntries, e => e.RequestMessage.Method == "DELETE");
    }

    [Theory]
    [InlineData(201, DocExamples.UpsertCreated, true)]
    [InlineData(200, """{"id":"a0BD000000BWc3LMAT","success":true,"errors":[],"created":false}""", false)]
    [InlineData(204, "", false)]
    public async Task Upsert_by_external_id_reports_whether_it_created(int status, string body, bool created)
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        var path = P + "/sobjects/CrmSync_KPI_Snapshot__c/Snapshot_Key__c/2026-03-08|(all)|csat";
        stub.Server.Given(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher(P + "/sobjects/CrmSync_KPI_Snapshot__c/Snapshot_Key__c/*")).UsingPatch())
            .RespondWith(status == 204 ? Response.Create().WithStatusCode(204) : SalesforceStub.Json((HttpStatusCode)status, body));

        var result = await stub.Get<ISalesforceClient>().UpsertRecordAsync("CrmSync_KPI_Snapshot__c", "Snapshot_Key__c",
            "2026-03-08|(all)|csat", new Dictionary<string, object?> { ["Value__c"] = 4.2m });

        Assert.True(result.Success);
        Assert.Equal(created, result.Created);
        var call = Assert.Single(stub.Server.LogEntries, e => e.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal(path, Uri.UnescapeDataString(call.Path));
    }

    [Fact]
    public async Task Updated_and_deleted_send_iso_windows_and_read_the_documented_bodies()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(P + "/sobjects/Merchandise__c/updated/", DocExamples.Updated);
        stub.StubGet(P + "/sobjects/Merchandise__c/deleted/", DocExamples.Deleted);
        var client = stub.Get<ISalesforceClient>();
        var start = new DateTimeOffset(2013, 5, 5, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2013, 5, 10, 0, 0, 0, TimeSpan.Zero);

        var updated = await client.GetUpdatedAsync("Merchandise__c", start, end);
        var deleted = await client.GetDeletedAsync("Merchandise__c", start, end);

        Assert.Equal(["a00D0000008pQR5IAM", "a00D0000008pQRGIA2"], updated.Ids);
        Assert.Equal(new DateTimeOffset(2013, 5, 8, 21, 20, 0, TimeSpan.Zero), updated.LatestDateCovered);
        var gone = Assert.Single(deleted.Records);
        Assert.Equal(("a00D0000008pQRAIA2", new DateTimeOffset(2013, 5, 7, 22, 7, 19, TimeSpan.Zero)), (gone.Id, gone.DeletedDate));
        var call = Assert.Single(stub.Requests(P + "/sobjects/Merchandise__c/deleted/")).RequestMessage;
        Assert.Equal("2013-05-05T00:00:00+00:00", call.Query!["start"].Single());
        Assert.Equal("2013-05-10T00:00:00+00:00", call.Query!["end"].Single());
    }

    [Fact]
    public async Task Composite_sends_subrequests_and_returns_each_outcome()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(P + "/composite").UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.CompositeResponse));

        var response = await stub.Get<ISalesforceClient>().CompositeAsync(new CompositeRequest(true,
        [
            new("POST", P + "/sobjects/Account", "refAccount", new Dictionary<string, object?> { ["Name"] = "Sample Account" }),
            new("POST", P + "/sobjects/Contact", "refContact", new Dictionary<string, object?> { ["AccountId"] = "@{refAccount.id}" }),
        ]));

        Assert.Equal([201, 400], response.Subresponses.Select(r => r.HttpStatusCode));
        Assert.Equal("001R00000033I6AIAU", response.Subresponses[0].Body.GetProperty("id").GetString());
        Assert.Equal("PROCESSING_HALTED", response.Subresponses[1].Body[0].GetProperty("errorCode").GetString());
        using var sent = JsonDocument.Parse(Assert.Single(stub.Requests(P + "/composite")).RequestMessage.Body!);
        Assert.True(sent.RootElement.GetProperty("allOrNone").GetBoolean());
        Assert.Equal("@{refAccount.id}", sent.RootElement.GetProperty("compositeRequest")[1].GetProperty("body").GetProperty("AccountId").GetString());
    }
}

using System.Net;
using System.Text.Json;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmSync.Salesforce.Tests.Bulk;

/// <summary>
/// Bulk API 2.0 ingest, after https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/walkthrough_upload_data.htm
/// and the successfulResults / failedResults / unprocessedrecords pages (sf__Id, sf__Created, sf__Error columns).
/// </summary>
public sealed class BulkIngestTests
{
    private const string Jobs = SalesforceStub.DataPath + "/jobs/ingest";
    private const string JobPath = Jobs + "/7505fEXAMPLE4C2AAM";

    [Fact]
    public async Task Run_creates_uploads_closes_polls_and_reads_the_three_result_sets()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(Jobs).UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkIngestJob("Open")));
        stub.Server.Given(Request.Create().WithPath(JobPath + "/batches").UsingPut()).RespondWith(Response.Create().WithStatusCode(201));
        stub.Server.Given(Request.Create().WithPath(JobPath).UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkIngestJob("UploadComplete")));
        stub.StubSequence(JobPath, "GET", n => SalesforceStub.Message(200, DocExamples.BulkIngestJob(n == 1 ? "InProgress" : "JobComplete", processed: 3, failed: 1)));
        stub.Server.Given(Request.Create().WithPath(JobPath + "/successfulResults/").UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/csv").WithBody("\"sf__Id\",\"sf__Created\",Ext_Id__c,Name\n\"001R01\",\"true\",\"E-1\",\"Acme\"\n\"001R02\",\"false\",\"E-2\",\"Globex\"\n"));
        stub.Server.Given(Request.Create().WithPath(JobPath + "/failedResults/").UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/csv").WithBody("\"sf__Id\",\"sf__Error\",Ext_Id__c,Name\n\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\"E-3\",\"\"\n"));
        stub.Server.Given(Request.Create().WithPath(JobPath + "/unprocessedrecords/").UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/csv").WithBody("Ext_Id__c,Name\n"));
        var csv = BulkCsv.Write(["Ext_Id__c", "Name"], [["E-1", "Acme"], ["E-2", "Globex"], ["E-3", null]]);

        var result = await stub.Get<IBulkIngest>().RunAsync(BulkIngestJobRequest.For("Account", BulkIngestOperation.Upsert, "Ext_Id__c"), csv);

        Assert.Equal(BulkJobStates.JobComplete, result.Job.State);
        Assert.Equal(["001R01", "001R02"], result.Successful.Select(r => r["sf__Id"]));
        Assert.Equal(["true", "false"], result.Successful.Select(r => r["sf__Created"]));
        var failed = Assert.Single(result.Failed);
        Assert.Equal("E-3", failed["Ext_Id__c"]);
        Assert.StartsWith("REQUIRED_FIELD_MISSING", failed["sf__Error"], StringComparison.Ordinal);
        Assert.Empty(result.Unprocessed);

        using var created = JsonDocument.Parse(Assert.Single(stub.Requests(Jobs)).RequestMessage.Body!);
        Assert.Equal(("Account", "upsert", "Ext_Id__c", "CSV", "LF"), (
            created.RootElement.GetProperty("object").GetString(),
            created.RootElement.GetProperty("operation").GetString(),
            created.RootElement.GetProperty("externalIdFieldName").GetString(),
            created.RootElement.GetProperty("contentType").GetString(),
            created.RootElement.GetProperty("lineEnding").GetString()));
        var upload = Assert.Single(stub.Requests(JobPath + "/batches")).RequestMessage;
        Assert.StartsWith("text/csv", upload.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Equal("Ext_Id__c,Name\nE-1,Acme\nE-2,Globex\nE-3,#N/A\n", upload.Body);
        var close = Assert.Single(stub.Server.LogEntries, e => e.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal("UploadComplete", JsonDocument.Parse(close.Body!).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public void Csv_writer_quotes_what_needs_quoting()
    {
        var csv = BulkCsv.Write(["Id", "Description"], [["001R01", "a, b"], ["001R02", "say \"hi\"\nbye"]]);

        Assert.Equal("Id,Description\n001R01,\"a, b\"\n001R02,\"say \"\"hi\"\"\nbye\"\n", csv);
    }

    [Fact]
    public void Operation_names_are_the_wire_names()
    {
        Assert.Equal("hardDelete", BulkIngestJobRequest.For("Account", BulkIngestOperation.HardDelete).Operation);
        Assert.Equal("insert", BulkIngestJobRequest.For("Account", BulkIngestOperation.Insert).Operation);
    }
}

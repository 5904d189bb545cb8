using System.Net;
using System.Text.Json;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace CrmSync.Salesforce.Tests.Bulk;

/// <summary>
/// Bulk API 2.0 query, after https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm:
/// CSV pages, <c>Sforce-Locator</c> naming the next page and the literal <c>null</c> on the last.
/// </summary>
public sealed class BulkQueryTests
{
    private const string Jobs = SalesforceStub.DataPath + "/jobs/query";
    private const string JobPath = Jobs + "/750R0000000zlh9IAA";
    private const string Soql = "SELECT Id, Name, Amount FROM Opportunity";

    private static ResponseMessage CsvPage(string csv, string locator, int records) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new("text/csv"),
            ["Sforce-Locator"] = new(locator),
            ["Sforce-NumberOfRecords"] = new(records.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["Sforce-Limit-Info"] = new("api-usage=30/15000"),
        },
        BodyData = new BodyData { BodyAsString = csv, DetectedBodyType = BodyType.String },
    };

    private static SalesforceStub StartWithCompletedJob()
    {
        var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(Jobs).UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkQueryJob("UploadComplete")));
        stub.StubSequence(JobPath, "GET", n => SalesforceStub.Message(200, DocExamples.BulkQueryJob(n < 3 ? "InProgress" : "JobComplete", processed: 5)));
        stub.Server.Given(Request.Create().WithPath(JobPath + "/results").UsingGet())
            .RespondWith(Response.Create().WithCallback(request => request.Query!.TryGetValue("locator", out var locator)
                ? locator.Single() == "MTAwMDA"
                    ? CsvPage("\"Id\",\"Name\",\"Amount\"\n\"006R01\",\"Acme, Inc.\",\"1.39E8\"\n\"006R02\",\"Line one\nline two\",\"\"\n", "MjAwMDA", 2)
                    : CsvPage("\"Id\",\"Name\",\"Amount\"\n\"006R03\",\"He said \"\"hi\"\"\",\"1500.0\"\n", "null", 1)
                : CsvPage("\"Id\",\"Name\",\"Amount\"\n\"006R00\",\"Zero\",\"0.0\"\n", "MTAwMDA", 1)));
        return stub;
    }

    [Fact]
    public async Task Query_creates_a_job_polls_to_completion_and_streams_every_page_until_the_literal_null_locator()
    {
        await using var stub = StartWithCompletedJob();

        var rows = await stub.Get<IBulkQueries>().QueryAsync(Soql).ToListAsync();

        Assert.Equal(["006R00", "006R01", "006R02", "006R03"], rows.Select(r => r["Id"]));
        Assert.Equal("Acme, Inc.", rows[1]["Name"]);
        Assert.Equal("1.39E8", rows[1]["amount"]);
        Assert.Equal("Line one\nline two", rows[2]["Name"]);
        Assert.Null(rows[2]["Amount"]);
        Assert.Equal("He said \"hi\"", rows[3]["Name"]);
        Assert.Equal(3, stub.Requests(JobPath).Count);
        var pages = stub.Requests(JobPath + "/results").Select(e => e.RequestMessage.Query!).ToList();
        Assert.Equal(3, pages.Count);
        Assert.False(pages[0].ContainsKey("locator"));
        Assert.Equal(["MTAwMDA", "MjAwMDA"], pages.Skip(1).Select(q => q["locator"].Single()));
        Assert.All(pages, q => Assert.Equal("50000", q["maxRecords"].Single()));
        using var created = JsonDocument.Parse(Assert.Single(stub.Requests(Jobs)).RequestMessage.Body!);
        Assert.Equal("query", created.RootElement.GetProperty("operation").GetString());
        Assert.Equal(Soql, created.RootElement.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Include_deleted_creates_a_query_all_job()
    {
        await using var stub = StartWithCompletedJob();

        await stub.Get<IBulkQueries>().CreateJobAsync(Soql, includeDeleted: true);

        using var created = JsonDocument.Parse(Assert.Single(stub.Requests(Jobs)).RequestMessage.Body!);
        Assert.Equal("queryAll", created.RootElement.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task A_failed_job_raises_its_error_message()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(Jobs).UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkQueryJob("UploadComplete")));
        stub.StubGet(JobPath, DocExamples.BulkQueryJob("Failed", error: "INVALID_FIELD: No such column 'Nme' on entity 'Opportunity'"));

        var error = await Assert.ThrowsAsync<BulkJobFailedException>(() => stub.Get<IBulkQueries>().QueryAsync(Soql).ToListAsync().AsTask());

        Assert.Equal("BULK_JOB_FAILED", error.ErrorCode);
        Assert.Contains("No such column 'Nme'", error.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests(JobPath + "/results"));
    }

    [Fact]
    public async Task Cancelling_while_the_job_runs_aborts_it()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        using var cancel = new CancellationTokenSource();
        stub.Server.Given(Request.Create().WithPath(Jobs).UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkQueryJob("UploadComplete")));
        stub.StubSequence(JobPath, "GET", _ =>
        {
            cancel.Cancel();
            return SalesforceStub.Message(200, DocExamples.BulkQueryJob("InProgress"));
        });
        stub.Server.Given(Request.Create().WithPath(JobPath).UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkQueryJob("Aborted")));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stub.Get<IBulkQueries>().QueryAsync(Soql, ct: cancel.Token).ToListAsync().AsTask());

        var abort = Assert.Single(stub.Server.LogEntries, e => e.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal(JobPath, abort.Path);
        Assert.Equal("Aborted", JsonDocument.Parse(abort.Body!).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_failed_abort_does_not_hide_the_cancellation()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        using var cancel = new CancellationTokenSource();
        stub.Server.Given(Request.Create().WithPath(Jobs).UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.BulkQueryJob("UploadComplete")));
        stub.StubSequence(JobPath, "GET", _ =>
        {
            cancel.Cancel();
            return SalesforceStub.Message(200, DocExamples.BulkQueryJob("InProgress"));
        });
        stub.Server.Given(Request.Create().WithPath(JobPath).UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.BadRequest, """[{"errorCode":"INVALIDJOBSTATE","message":"Aborting already Completed Job not allowed"}]"""));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stub.Get<IBulkQueries>().QueryAsync(Soql, ct: cancel.Token).ToListAsync().AsTask());

        Assert.Contains(stub.Logs.Lines, l => l.Contains("Could not abort Bulk job 750R0000000zlh9IAA: INVALIDJOBSTATE", StringComparison.Ordinal));
    }
}

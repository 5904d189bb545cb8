using System.Net;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmSync.Salesforce.Tests.Rest;

public sealed class ErrorShapeTests
{
    private const string QueryPath = SalesforceStub.DataPath + "/query";

    [Fact]
    public async Task A_rest_error_array_becomes_an_api_exception_with_code_fields_and_status_without_retries()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(QueryPath).UsingGet())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.BadRequest, DocExamples.MalformedQuery));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() =>
            stub.Get<ISalesforceClient>().QueryAsync<object>("SELECT Nme FROM Account").ToListAsync().AsTask());

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("No such column 'Nme'", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests(QueryPath));
    }

    [Fact]
    public async Task Service_unavailable_is_retried_then_succeeds()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubSequence(SalesforceStub.DataPath + "/limits", "GET", n => n == 1
            ? SalesforceStub.Message(503, "<html>Service Unavailable</html>")
            : SalesforceStub.Message(200, DocExamples.Limits));

        var limits = await stub.Get<ISalesforceClient>().GetLimitsAsync();

        Assert.Equal(14998, limits["DailyApiRequests"].Remaining);
        Assert.Equal(2, stub.Requests(SalesforceStub.DataPath + "/limits").Count);
    }

    [Fact]
    public async Task Unable_to_lock_row_is_retried_up_to_max_retries_then_reported()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/sobjects/Account/001D000000IRFmaIAH").UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.BadRequest, DocExamples.UnableToLockRow));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => stub.Get<ISalesforceClient>()
            .UpdateRecordAsync("Account", "001D000000IRFmaIAH", new Dictionary<string, object?> { ["Name"] = "x" }));

        Assert.Equal(SalesforceErrorCodes.UnableToLockRow, error.ErrorCode);
        var attempts = stub.Requests(SalesforceStub.DataPath + "/sobjects/Account/001D000000IRFmaIAH");
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("{\"Name\":\"x\"}", a.RequestMessage.Body));
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_becomes_a_typed_exception()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/limits").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("<html>Not Found</html>"));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => stub.Get<ISalesforceClient>().GetLimitsAsync());

        Assert.Equal(SalesforceErrorCodes.Unknown, error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(stub.Requests(SalesforceStub.DataPath + "/limits"));
    }

    [Fact]
    public async Task An_upsert_matching_several_records_reports_multiple_choices()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/sobjects/Account/Ext_Id__c/E-1").UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.MultipleChoices,
                """["/services/data/v62.0/sobjects/Account/001D000000Kv3g5IAB","/services/data/v62.0/sobjects/Account/001D000000Kv3g6IAB"]"""));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => stub.Get<ISalesforceClient>()
            .UpsertRecordAsync("Account", "Ext_Id__c", "E-1", new Dictionary<string, object?> { ["Name"] = "Acme" }));

        Assert.Equal("MULTIPLE_CHOICES", error.ErrorCode);
        Assert.Contains("001D000000Kv3g6IAB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_answers_are_decompressed()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        using var packed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(System.Text.Encoding.UTF8.GetBytes(DocExamples.Limits));
        }

        stub.Server.Given(Request.Create().WithPath(SalesforceStub.DataPath + "/limits").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithHeader("Content-Encoding", "gzip").WithBody(packed.ToArray()));

        var limits = await stub.Get<ISalesforceClient>().GetLimitsAsync();

        Assert.Equal(15000, limits["DailyApiRequests"].Max);
        var call = Assert.Single(stub.Requests(SalesforceStub.DataPath + "/limits")).RequestMessage;
        Assert.Contains("gzip", string.Join(",", call.Headers!["Accept-Encoding"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", "INVALID_SESSION_ID", "Session expired or invalid")]
    [InlineData("""{"error":"invalid_client_id","error_description":"client identifier invalid"}""", "invalid_client_id", "client identifier invalid")]
    [InlineData("""[{"statusCode":"MALFORMED_ID","message":"bad id","fields":["Id"]}]""", "MALFORMED_ID", "bad id")]
    public void Both_error_shapes_are_read(string body, string code, string message)
    {
        var error = Assert.Single(SalesforceErrorReader.Parse(HttpStatusCode.BadRequest, body));

        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(message, error.Message);
    }
}

using System.Net;
using System.Text.Json;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmSync.Salesforce.Tests.Rest;

public sealed class CollectionTests
{
    private const string CollectionPath = SalesforceStub.DataPath + "/composite/sobjects";

    private static SObjectRecord Account(string id, decimal clv) =>
        new("Account", new Dictionary<string, object?> { ["CrmSync_CLV_Predicted__c"] = clv }) { Id = id };

    /// <summary>Answers every record of a collection call, in order, with <paramref name="outcome"/>(record).</summary>
    private static ResponseMessage AnswerEach(IRequestMessage request, Func<JsonElement, string> outcome)
    {
        using var body = JsonDocument.Parse(request.Body!);
        var results = body.RootElement.GetProperty("records").EnumerateArray().Select(outcome);
        return SalesforceStub.Message(200, "[" + string.Join(",", results) + "]");
    }

    [Fact]
    public async Task A_partial_failure_answers_200_and_results_are_matched_to_records_by_position()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(CollectionPath).UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, DocExamples.CollectionPartialFailure));
        var records = new[] { Account("001RM000003oLnnYAE", 10m), Account("001xx000003DGb2999", 20m) };

        var results = await stub.Get<ISObjectCollections>().UpdateAsync(records);

        Assert.Same(records[0], results[0].Record);
        Assert.True(results[0].Result.Success);
        Assert.Same(records[1], results[1].Record);
        Assert.False(results[1].Result.Success);
        var error = Assert.Single(results[1].Result.Errors!);
        Assert.Equal(("MALFORMED_ID", "Id"), (error.StatusCode, Assert.Single(error.Fields!)));
        using var sent = JsonDocument.Parse(Assert.Single(stub.Requests(CollectionPath)).RequestMessage.Body!);
        Assert.False(sent.RootElement.GetProperty("allOrNone").GetBoolean());
        Assert.Equal("Account", sent.RootElement.GetProperty("records")[0].GetProperty("attributes").GetProperty("type").GetString());
    }

    [Fact]
    public async Task More_than_200_records_go_in_calls_of_at_most_200_in_order()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(CollectionPath).UsingPatch())
            .RespondWith(Response.Create().WithCallback(request =>
                AnswerEach(request, r => $$"""{"id":"{{r.GetProperty("id").GetString()}}","success":true,"errors":[]}""")));
        var records = Enumerable.Range(0, 450).Select(i => Account($"001{i:D15}", i)).ToArray();

        var results = await stub.Get<ISObjectCollections>().UpdateAsync(records, allOrNone: true);

        var calls = stub.Requests(CollectionPath);
        Assert.Equal([50, 200, 200], calls.Select(c => JsonDocument.Parse(c.RequestMessage.Body!).RootElement.GetProperty("records").GetArrayLength()).Order());
        Assert.Equal(records.Select(r => r.Id), results.Select(r => r.Result.Id));
    }

    [Fact]
    public async Task Records_failing_only_with_unable_to_lock_row_are_sent_again()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        var calls = 0;
        stub.Server.Given(Request.Create().WithPath(CollectionPath).UsingPatch())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var first = Interlocked.Increment(ref calls) == 1;
                return AnswerEach(request, r =>
                {
                    var id = r.GetProperty("id").GetString();
                    return first && id == "001000000000000002"
                        ? """{"success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record","fields":[]}]}"""
                        : $$"""{"id":"{{id}}","success":true,"errors":[]}""";
                });
            }));
        var records = Enumerable.Range(1, 3).Select(i => Account($"001{i:D15}", i)).ToArray();

        var results = await stub.Get<ISObjectCollections>().UpdateAsync(records);

        Assert.All(results, r => Assert.True(r.Result.Success));
        var second = stub.Requests(CollectionPath)[1].RequestMessage.Body!;
        Assert.Equal(1, JsonDocument.Parse(second).RootElement.GetProperty("records").GetArrayLength());
        Assert.Contains("001000000000000002", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_all_or_none_a_chunk_rolled_back_for_a_locked_row_is_sent_again_whole()
    {
        const string locked = """{"success":false,"errors":[{"statusCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record","fields":[]}]}""";
        const string rolledBack = """{"success":false,"errors":[{"statusCode":"ALL_OR_NONE_OPERATION_ROLLED_BACK","message":"Record rolled back because not all records were valid and the request was using AllOrNone header","fields":[]}]}""";
        await using var stub = SalesforceStub.Start().StubLogin();
        var calls = 0;
        stub.Server.Given(Request.Create().WithPath(CollectionPath).UsingPatch())
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var first = Interlocked.Increment(ref calls) == 1;
                return AnswerEach(request, r =>
                {
                    var id = r.GetProperty("id").GetString();
                    return !first ? $$"""{"id":"{{id}}","success":true,"errors":[]}"""
                        : id == "001000000000000002" ? locked : rolledBack;
                });
            }));
        var records = Enumerable.Range(1, 3).Select(i => Account($"001{i:D15}", i)).ToArray();

        var results = await stub.Get<ISObjectCollections>().UpdateAsync(records, allOrNone: true);

        Assert.All(results, r => Assert.True(r.Result.Success));
        Assert.Equal([3, 3], stub.Requests(CollectionPath).Select(c => JsonDocument.Parse(c.RequestMessage.Body!).RootElement.GetProperty("records").GetArrayLength()));
    }

    [Fact]
    public async Task Upsert_goes_to_the_object_and_external_id_and_reports_created()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(CollectionPath + "/CrmSync_KPI_Snapshot__c/Snapshot_Key__c").UsingPatch())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, """
                [{"id":"a0B000000000001AAA","success":true,"errors":[],"created":true},
                 {"id":"a0B000000000002AAA","success":true,"errors":[],"created":false}]
                """));
        var rows = new[] { "2026-03-08|(all)|csat", "2026-03-08|(all)|nps" }
            .Select(key => new SObjectRecord("CrmSync_KPI_Snapshot__c", new Dictionary<string, object?> { ["Snapshot_Key__c"] = key, ["Value__c"] = null }))
            .ToArray();

        var results = await stub.Get<ISObjectCollections>().UpsertAsync("CrmSync_KPI_Snapshot__c", "Snapshot_Key__c", rows);

        Assert.Equal([true, false], results.Select(r => r.Result.Created));
    }

    /// <summary>https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_retrieve.htm</summary>
    [Fact]
    public async Task Retrieve_returns_one_entry_per_id_with_null_for_missing_records()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(CollectionPath + "/Account", """
            [{"attributes":{"type":"Account","url":"/services/data/v62.0/sobjects/Account/001xx000003DGb1AAG"},"Id":"001xx000003DGb1AAG","Name":"Acme"},
             null]
            """);

        var rows = await stub.Get<ISObjectCollections>().RetrieveAsync<JsonElement?>("Account", ["001xx000003DGb1AAG", "001xx000003DGb0AAG"], ["Id", "Name"]);

        Assert.Equal("Acme", rows[0]!.Value.GetProperty("Name").GetString());
        Assert.Null(rows[1]);
        var query = Assert.Single(stub.Requests(CollectionPath + "/Account")).RequestMessage.Query!;
        Assert.Equal("001xx000003DGb1AAG,001xx000003DGb0AAG", query["ids"].Single());
        Assert.Equal("Id,Name", query["fields"].Single());
    }

    [Fact]
    public async Task Delete_sends_ids_and_all_or_none_as_query_parameters()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(CollectionPath).UsingDelete())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, """
                [{"id":"001RM000003oLrHYAU","success":true,"errors":[]},
                 {"success":false,"errors":[{"statusCode":"ENTITY_IS_DELETED","message":"entity is deleted","fields":[]}]}]
                """));

        var results = await stub.Get<ISObjectCollections>().DeleteAsync(["001RM000003oLrHYAU", "001RM000003oLrIYAU"]);

        Assert.Equal([true, false], results.Select(r => r.Success));
        var query = Assert.Single(stub.Requests(CollectionPath)).RequestMessage.Query!;
        Assert.Equal("001RM000003oLrHYAU,001RM000003oLrIYAU", query["ids"].Single());
        Assert.Equal("false", query["allOrNone"].Single(), ignoreCase: true);
    }

    [Fact]
    public async Task A_result_count_that_does_not_match_the_records_is_refused()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(CollectionPath).UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, """[{"id":"001RM000003oLrHYAU","success":true,"errors":[]}]"""));
        var records = new[] { new SObjectRecord("Account", new Dictionary<string, object?> { ["Name"] = "a" }), new SObjectRecord("Account", new Dictionary<string, object?> { ["Name"] = "b" }) };

        await Assert.ThrowsAsync<InvalidOperationException>(() => stub.Get<ISObjectCollections>().CreateAsync(records));
    }
}

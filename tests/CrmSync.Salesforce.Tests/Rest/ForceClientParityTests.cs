using System.Net;
using System.Text.Json;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmSync.Salesforce.Tests.Rest;

/// <summary>The calls NetCoreForce's ForceClient offers beyond the core ones: single query, SOSL, basic info, identity, tree, blob, Apex REST.</summary>
public sealed class ForceClientParityTests
{
    private const string P = SalesforceStub.DataPath;

    [Fact]
    public async Task Query_single_returns_the_first_row_or_default()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubSequence(P + "/query", "GET", n => SalesforceStub.Message(200, n == 1 ? DocExamples.OpportunityPage2 : """{"totalSize":0,"done":true,"records":[]}"""));
        var client = stub.Get<ISalesforceClient>();

        var found = await client.QuerySingleAsync<Opportunity>("SELECT Id FROM Opportunity WHERE Id = '006RO0000035WQiYAM'");
        var missing = await client.QuerySingleAsync<Opportunity>("SELECT Id FROM Opportunity WHERE Id = '006000000000000AAA'");

        Assert.Equal("006RO0000035WQiYAM", found!.Id);
        Assert.Null(missing);
    }

    /// <summary>https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search.htm</summary>
    [Fact]
    public async Task Search_sends_sosl_and_reads_search_records()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(P + "/search", """
            {"searchRecords":[{"attributes":{"type":"Account","url":"/services/data/v62.0/sobjects/Account/001D000000IqhSLIAZ"},"Id":"001D000000IqhSLIAZ","Name":"Acme"}]}
            """);
        const string sosl = "FIND {Acme} IN NAME FIELDS RETURNING Account(Id, Name)";

        var result = await stub.Get<ISalesforceClient>().SearchAsync<JsonElement>(sosl);

        Assert.Equal("Acme", Assert.Single(result.SearchRecords).GetProperty("Name").GetString());
        Assert.Equal(sosl, Assert.Single(stub.Requests(P + "/search")).RequestMessage.Query!["q"].Single());
    }

    /// <summary>https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_basic_info.htm</summary>
    [Fact]
    public async Task Basic_info_reads_the_object_summary()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet(P + "/sobjects/Account", """
            {"objectDescribe":{"name":"Account","label":"Account","keyPrefix":"001","custom":false,"queryable":true,"createable":true,
             "updateable":true,"deletable":true,"replicateable":true,"retrieveable":true},"recentItems":[]}
            """);

        var info = await stub.Get<ISalesforceClient>().GetBasicInfoAsync("Account");

        Assert.Equal(("Account", "001"), (info.ObjectDescribe.Name, info.ObjectDescribe.KeyPrefix));
    }

    /// <summary>https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm</summary>
    [Fact]
    public async Task Identity_follows_the_session_identity_url_on_the_instance()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.StubGet("/id/00Dx0000000BV7z/005x00000012Q9P", """
            {"id":"https://login.salesforce.com/id/00Dx0000000BV7z/005x00000012Q9P","asserted_user":true,"user_id":"005x00000012Q9P",
             "organization_id":"00Dx0000000BV7z","username":"integration@example.com","nick_name":"integ","display_name":"Integration User",
             "email":"integration@example.com","active":true,"user_type":"STANDARD","language":"en_US","locale":"en_US","utcOffset":0}
            """);

        var identity = await stub.Get<ISalesforceClient>().GetIdentityAsync();

        Assert.Equal(("005x00000012Q9P", "00Dx0000000BV7z", "integration@example.com"), (identity.UserId, identity.OrganizationId, identity.Username));
    }

    /// <summary>https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobject_tree.htm</summary>
    [Fact]
    public async Task Tree_insert_sends_reference_ids_and_children()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(P + "/composite/tree/Account").UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.Created, """
                {"hasErrors":false,"results":[{"referenceId":"ref1","id":"001D000000K0fXOIAZ"},{"referenceId":"ref2","id":"003D000000QV9n2IAD"}]}
                """));

        var response = await stub.Get<ISalesforceClient>().CreateTreeAsync("Account",
        [
            new("Account", "ref1", new Dictionary<string, object?>
            {
                ["Name"] = "SampleAccount",
                ["Contacts"] = new[] { new SObjectTreeRecord("Contact", "ref2", new Dictionary<string, object?> { ["LastName"] = "Smith" }) },
            }),
        ]);

        Assert.False(response.HasErrors);
        Assert.Equal(["001D000000K0fXOIAZ", "003D000000QV9n2IAD"], response.Results.Select(r => r.Id));
        Assert.Equal(
            """{"records":[{"attributes":{"type":"Account","referenceId":"ref1"},"Name":"SampleAccount","Contacts":{"records":[{"attributes":{"type":"Contact","referenceId":"ref2"},"LastName":"Smith"}]}}]}""",
            Assert.Single(stub.Requests(P + "/composite/tree/Account")).RequestMessage.Body);
    }

    [Fact]
    public async Task A_failed_tree_insert_names_the_reference_and_the_error()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(P + "/composite/tree/Contact").UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.BadRequest, """
                {"hasErrors":true,"results":[{"referenceId":"ref2","errors":[{"statusCode":"INVALID_EMAIL_ADDRESS","message":"Email: invalid email address: 123","fields":["Email"]}]}]}
                """));

        var error = await Assert.ThrowsAsync<SalesforceApiException>(() => stub.Get<ISalesforceClient>().CreateTreeAsync("Contact",
            [new("Contact", "ref2", new Dictionary<string, object?> { ["LastName"] = "Smith", ["Email"] = "123" })]));

        Assert.Equal("INVALID_EMAIL_ADDRESS", error.ErrorCode);
        Assert.Equal("ref2: Email: invalid email address: 123", error.Errors[0].Message);
    }

    [Fact]
    public async Task Blob_content_is_streamed()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath(P + "/sobjects/Attachment/00PD000000GqxmWMAR/Body").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octetstream").WithBody([1, 2, 3, 4]));

        await using var blob = await stub.Get<ISalesforceClient>().OpenBlobAsync("Attachment", "00PD000000GqxmWMAR", "Body");
        using var copy = new MemoryStream();
        await blob.CopyToAsync(copy);

        Assert.Equal([1, 2, 3, 4], copy.ToArray());
    }

    [Fact]
    public async Task Apex_rest_posts_json_and_reads_the_answer()
    {
        await using var stub = SalesforceStub.Start().StubLogin();
        stub.Server.Given(Request.Create().WithPath("/services/apexrest/crmsync/v1/ping").UsingPost())
            .RespondWith(SalesforceStub.Json(HttpStatusCode.OK, """{"ok":true,"at":"2026-03-08T10:15:30.000+0000"}"""));

        var answer = await stub.Get<ISalesforceClient>().CallApexRestAsync<JsonElement>("/crmsync/v1/ping", new Dictionary<string, object?> { ["hello"] = "world" });

        Assert.True(answer.GetProperty("ok").GetBoolean());
        Assert.Equal("""{"hello":"world"}""", Assert.Single(stub.Requests("/services/apexrest/crmsync/v1/ping")).RequestMessage.Body);
    }
}

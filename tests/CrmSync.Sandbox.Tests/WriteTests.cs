using System.Net;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

public sealed class WriteTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Patch_saves_rounds_to_scale_and_bumps_SystemModstamp()
    {
        var (id, before) = await AccountAsync(0);
        var (response, _) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/sobjects/Account/{id}",
            """{"CrmSync_NPS__c": 42.26, "CrmSync_CLV_Tier__c": "Gold", "CrmSync_Retained__c": true, "CrmSync_KPI_As_Of__c": "2026-10-31T00:00:00.000+0000", "CrmSync_Next_Purchase_Date__c": "2027-01-15"}""");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var (_, after) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Account/{id}");
        Assert.Equal(42.3, after.GetProperty("CrmSync_NPS__c").GetDouble());
        Assert.Equal("Gold", after.GetProperty("CrmSync_CLV_Tier__c").GetString());
        Assert.True(after.GetProperty("CrmSync_Retained__c").GetBoolean());
        Assert.Equal("2026-10-31T00:00:00.000+0000", after.GetProperty("CrmSync_KPI_As_Of__c").GetString());
        Assert.Equal("2027-01-15", after.GetProperty("CrmSync_Next_Purchase_Date__c").GetString());
        Assert.True(string.CompareOrdinal(after.GetProperty("SystemModstamp").GetString(), before.GetProperty("SystemModstamp").GetString()) > 0);
        Assert.Equal(after.GetProperty("SystemModstamp").GetString(), after.GetProperty("LastModifiedDate").GetString());
    }

    [Theory]
    [InlineData("""{"CrmSync_Bogus__c": 1}""", "INVALID_FIELD", null)]
    [InlineData("""{"CreatedDate": "2026-01-01T00:00:00Z"}""", "INVALID_FIELD_FOR_INSERT_UPDATE", "CreatedDate")]
    [InlineData("""{"CrmSync_CSAT__c": 123.45}""", "NUMBER_OUTSIDE_VALID_RANGE", "CrmSync_CSAT__c")]
    [InlineData("""{"CrmSync_CLV_Tier__c": "Diamond"}""", "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "CrmSync_CLV_Tier__c")]
    [InlineData("""{"CrmSync_Win_Rate__c": "lots"}""", "JSON_PARSER_ERROR", null)]
    public async Task Invalid_patches_are_400_with_Salesforce_error_codes(string body, string errorCode, string? field)
    {
        var (id, _) = await AccountAsync(1);
        var (response, errors) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/sobjects/Account/{id}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(errorCode, errors[0].GetProperty("errorCode").GetString());
        if (field is not null)
        {
            Assert.Equal(field, errors[0].GetProperty("fields")[0].GetString());
        }
    }

    [Fact]
    public async Task Collection_update_with_mixed_results_is_200_with_one_result_per_record_in_order()
    {
        var (good, _) = await AccountAsync(2);
        var (bad, _) = await AccountAsync(3);
        var missing = "001" + good[3..8] + "zzzzzzz";
        var (response, results) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects", $$"""
            {"allOrNone": false, "records": [
              {"attributes": {"type": "Account"}, "id": "{{good}}", "CrmSync_CSAT__c": 8.5},
              {"attributes": {"type": "Account"}, "id": "{{bad}}", "CrmSync_CLV_Tier__c": "Diamond"},
              {"attributes": {"type": "Account"}, "id": "{{missing}}", "CrmSync_CSAT__c": 7}
            ]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal(good, results[0].GetProperty("id").GetString());
        Assert.True(results[0].GetProperty("success").GetBoolean());
        Assert.Equal(0, results[0].GetProperty("errors").GetArrayLength());
        Assert.False(results[1].GetProperty("success").GetBoolean());
        var error = results[1].GetProperty("errors")[0];
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", error.GetProperty("statusCode").GetString());
        Assert.Equal("CrmSync_CLV_Tier__c", error.GetProperty("fields")[0].GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.False(results[2].GetProperty("success").GetBoolean());

        var (_, saved) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Account/{good}?fields=CrmSync_CSAT__c");
        Assert.Equal(8.5, saved.GetProperty("CrmSync_CSAT__c").GetDouble());
    }

    [Fact]
    public async Task Collection_where_every_record_fails_is_still_200()
    {
        var (id, _) = await AccountAsync(4);
        var (response, results) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects", $$"""
            {"records": [{"attributes": {"type": "Account"}, "id": "{{id}}", "CrmSync_CSAT__c": 100}, {"attributes": {"type": "Account"}, "id": "{{id}}", "CrmSync_Win_Rate__c": 1000}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(results.EnumerateArray(), r => Assert.Equal("NUMBER_OUTSIDE_VALID_RANGE", r.GetProperty("errors")[0].GetProperty("statusCode").GetString()));
    }

    [Fact]
    public async Task AllOrNone_rolls_back_the_valid_records()
    {
        var (good, _) = await AccountAsync(5);
        var (response, results) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects", $$"""
            {"allOrNone": true, "records": [{"attributes": {"type": "Account"}, "id": "{{good}}", "CrmSync_CSAT__c": 6.25}, {"attributes": {"type": "Account"}, "id": "{{good}}", "CrmSync_CLV_Tier__c": "Diamond"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ALL_OR_NONE_OPERATION_ROLLED_BACK", results[0].GetProperty("errors")[0].GetProperty("statusCode").GetString());
        Assert.False(results[0].GetProperty("success").GetBoolean());
        var (_, saved) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Account/{good}?fields=CrmSync_CSAT__c");
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("CrmSync_CSAT__c").ValueKind);
    }

    [Fact]
    public async Task More_than_200_records_is_a_400()
    {
        var records = string.Join(",", Enumerable.Repeat("""{"attributes":{"type":"CrmSync_KPI_Snapshot__c"},"Metric__c":"x"}""", 201));
        var (response, body) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/composite/sobjects", $$"""{"records":[{{records}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("EXCEEDED_ID_LIMIT", body[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Snapshot_upsert_by_external_id_creates_then_updates()
    {
        var url = $"{Sandbox.V}/sobjects/CrmSync_KPI_Snapshot__c/Snapshot_Key__c/2026-11-01%7C(all)%7Cretention_rate";
        var (first, created) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, url, """{"As_Of__c":"2026-11-01T00:00:00Z","Segment__c":"(all)","Metric__c":"retention_rate","Value__c":87.5,"Period_Months__c":12}""");
        var (second, updated) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, url, """{"Value__c":88.123456789}""");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(updated.GetProperty("created").GetBoolean());
        Assert.Equal(created.GetProperty("id").GetString(), updated.GetProperty("id").GetString());
        var (_, rows) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id, Value__c, Snapshot_Key__c, Name FROM CrmSync_KPI_Snapshot__c WHERE Snapshot_Key__c = '2026-11-01|(all)|retention_rate'"));
        var row = Assert.Single(rows.GetProperty("records").EnumerateArray());
        Assert.Equal(88.123457, row.GetProperty("Value__c").GetDouble());
        Assert.Matches("^SNAP-[0-9]{7}$", row.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task Collection_upsert_reports_created_per_record()
    {
        var (_, first) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects/CrmSync_KPI_Snapshot__c/Snapshot_Key__c", """
            {"allOrNone": false, "records": [{"attributes":{"type":"CrmSync_KPI_Snapshot__c"},"Snapshot_Key__c":"2026-11-01|Retail|csat","Value__c":8.1},
                                             {"attributes":{"type":"CrmSync_KPI_Snapshot__c"},"Snapshot_Key__c":"2026-11-01|Retail|nps","Value__c":12345678901234}]}
            """);
        var (response, second) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects/CrmSync_KPI_Snapshot__c/Snapshot_Key__c", """
            {"records": [{"attributes":{"type":"CrmSync_KPI_Snapshot__c"},"Snapshot_Key__c":"2026-11-01|Retail|csat","Value__c":8.2},
                         {"attributes":{"type":"CrmSync_KPI_Snapshot__c"},"Snapshot_Key__c":"2026-11-01|Retail|nps","Value__c":-20}]}
            """);

        Assert.True(first[0].GetProperty("created").GetBoolean());
        Assert.Equal("NUMBER_OUTSIDE_VALID_RANGE", first[1].GetProperty("errors")[0].GetProperty("statusCode").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(second[0].GetProperty("created").GetBoolean());
        Assert.True(second[1].GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task Deletes_show_in_deleted_and_queryAll_but_CampaignMember_deletes_are_hard()
    {
        var (_, contacts) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Contact LIMIT 1"));
        var contact = contacts.GetProperty("records")[0].GetProperty("Id").GetString()!;
        var (_, members) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM CampaignMember LIMIT 1"));
        var member = members.GetProperty("records")[0].GetProperty("Id").GetString()!;

        var (deleteContact, _) = await sandbox.Http.SendJsonAsync(HttpMethod.Delete, $"{Sandbox.V}/sobjects/Contact/{contact}", "");
        var (deleteMember, _) = await sandbox.Http.SendJsonAsync(HttpMethod.Delete, $"{Sandbox.V}/sobjects/CampaignMember/{member}", "");
        Assert.Equal(HttpStatusCode.NoContent, deleteContact.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteMember.StatusCode);

        var range = "?start=2026-10-31T00%3A00%3A00%2B00%3A00&end=2027-01-01T00%3A00%3A00%2B00%3A00";
        var (_, deleted) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Contact/deleted/{range}");
        Assert.Contains(deleted.GetProperty("deletedRecords").EnumerateArray(), d => d.GetProperty("id").GetString() == contact);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+0000$", deleted.GetProperty("earliestDateAvailable").GetString());
        var (_, deletedMembers) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/CampaignMember/deleted/{range}");
        Assert.DoesNotContain(deletedMembers.GetProperty("deletedRecords").EnumerateArray(), d => d.GetProperty("id").GetString() == member);

        var (_, contactAll) = await sandbox.Http.GetJsonAsync(Sandbox.QueryAll($"SELECT Id, IsDeleted FROM Contact WHERE Id = '{contact}'"));
        Assert.True(contactAll.GetProperty("records")[0].GetProperty("IsDeleted").GetBoolean());
        var (_, memberAll) = await sandbox.Http.GetJsonAsync(Sandbox.QueryAll($"SELECT Id FROM CampaignMember WHERE Id = '{member}'"));
        Assert.Equal(0, memberAll.GetProperty("totalSize").GetInt32());
        var (gone, _) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Contact/{contact}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Updated_lists_exactly_the_records_modified_in_the_range()
    {
        var (id, _) = await AccountAsync(6);
        await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/sobjects/Account/{id}", """{"CrmSync_Engagement_Score__c": 3}""");

        var (response, updated) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Account/updated/?start=2026-11-01T00%3A00%3A00Z&end=2027-01-01T00%3A00%3A00Z");
        var (_, expected) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account WHERE SystemModstamp >= 2026-11-01T00:00:00Z"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = updated.GetProperty("ids").EnumerateArray().Select(i => i.GetString()).ToHashSet();
        Assert.Contains(id, ids);
        Assert.Equal(expected.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("Id").GetString()).ToHashSet(), ids);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000\+0000$", updated.GetProperty("latestDateCovered").GetString());
    }

    private async Task<(string Id, JsonElement Record)> AccountAsync(int index)
    {
        var (_, body) = await sandbox.Http.GetJsonAsync(Sandbox.Query($"SELECT Id, SystemModstamp FROM Account ORDER BY Id LIMIT {index + 1}"));
        var record = body.GetProperty("records")[index];
        return (record.GetProperty("Id").GetString()!, record);
    }
}

using System.Net;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

public sealed class DescribeTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Describe_global_lists_every_object_the_client_reads_and_writes()
    {
        var (response, body) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, body.GetProperty("maxBatchSize").GetInt32());
        var names = body.GetProperty("sobjects").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToHashSet();
        string[] expected = ["Account", "Opportunity", "Case", "Campaign", "CampaignMember", "Contact", "Lead", "Task", "Event", "Survey_Response__c", "Invoice__c", "Product_Usage__c", "CrmSync_KPI_Snapshot__c"];
        Assert.Subset(names, expected.ToHashSet<string?>());
        var account = body.GetProperty("sobjects").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Account");
        Assert.Equal("001", account.GetProperty("keyPrefix").GetString());
        Assert.Equal($"{Sandbox.V}/sobjects/Account/describe", account.GetProperty("urls").GetProperty("describe").GetString());
    }

    [Fact]
    public async Task Account_describe_has_the_CrmSync_fields_from_the_SFDX_metadata()
    {
        var (_, body) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Account/describe");
        var fields = body.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        // Values from deploy/salesforce and salesforce.md: Currency(16,2), Percent(5,2), Number(5,1), restricted picklist, Text(255), Checkbox.
        AssertField(fields["CrmSync_CLV_Predicted__c"], "currency", 16, 2);
        AssertField(fields["CrmSync_Win_Rate__c"], "percent", 5, 2);
        AssertField(fields["CrmSync_NPS__c"], "double", 5, 1);
        AssertField(fields["CrmSync_Expected_Purchases__c"], "double", 8, 3);
        Assert.Equal("datetime", fields["CrmSync_KPI_As_Of__c"].GetProperty("type").GetString());
        Assert.Equal("date", fields["CrmSync_Next_Purchase_Date__c"].GetProperty("type").GetString());
        Assert.Equal(255, fields["CrmSync_Next_Best_Action__c"].GetProperty("length").GetInt32());
        Assert.False(fields["CrmSync_Retained__c"].GetProperty("nillable").GetBoolean());
        var tier = fields["CrmSync_CLV_Tier__c"];
        Assert.True(tier.GetProperty("restrictedPicklist").GetBoolean());
        Assert.Equal(["Platinum", "Gold", "Silver", "Bronze"], tier.GetProperty("picklistValues").EnumerateArray().Select(v => v.GetProperty("value").GetString()!).ToArray());
        Assert.False(fields["CreatedDate"].GetProperty("updateable").GetBoolean());
        Assert.False(fields["Id"].GetProperty("nillable").GetBoolean());
        Assert.False(fields["CrmSync_CSAT__c"].GetProperty("calculated").GetBoolean());
    }

    [Fact]
    public async Task Snapshot_object_has_its_external_id_key()
    {
        var (response, body) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/CrmSync_KPI_Snapshot__c/describe");
        var fields = body.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("custom").GetBoolean());
        var key = fields["Snapshot_Key__c"];
        Assert.True(key.GetProperty("externalId").GetBoolean());
        Assert.True(key.GetProperty("unique").GetBoolean());
        Assert.Equal(120, key.GetProperty("length").GetInt32());
        AssertField(fields["Value__c"], "double", 18, 6);
        AssertField(fields["Period_Months__c"], "double", 3, 0);
        Assert.False(fields["Name"].GetProperty("createable").GetBoolean());
    }

    [Fact]
    public async Task Unknown_object_is_404()
    {
        var (response, body) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Nope__c/describe");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", body[0].GetProperty("errorCode").GetString());
    }

    private static void AssertField(JsonElement field, string type, int precision, int scale)
    {
        Assert.Equal(type, field.GetProperty("type").GetString());
        Assert.Equal(precision, field.GetProperty("precision").GetInt32());
        Assert.Equal(scale, field.GetProperty("scale").GetInt32());
        Assert.True(field.GetProperty("updateable").GetBoolean());
        Assert.True(field.GetProperty("createable").GetBoolean());
    }
}

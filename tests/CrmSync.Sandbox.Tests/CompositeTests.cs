using System.Net;

namespace CrmSync.Sandbox.Tests;

public sealed class CompositeTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Subrequests_run_in_order_with_references_and_count_as_one_call()
    {
        var (before, _) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/limits");
        var (response, body) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/composite", $$"""
            {"allOrNone": false, "compositeRequest": [
              {"method": "POST", "url": "{{Sandbox.V}}/sobjects/CrmSync_KPI_Snapshot__c", "referenceId": "snap",
               "body": {"Snapshot_Key__c": "composite|a|b", "Metric__c": "csat", "Value__c": 8} },
              {"method": "GET", "url": "{{Sandbox.V}}/sobjects/CrmSync_KPI_Snapshot__c/@{snap.id}?fields=Metric__c,Value__c", "referenceId": "read"},
              {"method": "PATCH", "url": "{{Sandbox.V}}/sobjects/CrmSync_KPI_Snapshot__c/@{snap.id}", "referenceId": "bad", "body": {"Period_Months__c": 5000} },
              {"method": "GET", "url": "{{Sandbox.V}}/sobjects/CrmSync_KPI_Snapshot__c/@{missing.id}", "referenceId": "orphan"}
            ]}
            """);
        var (after, _) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/limits");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = body.GetProperty("compositeResponse");
        Assert.Equal(201, results[0].GetProperty("httpStatusCode").GetInt32());
        var id = results[0].GetProperty("body").GetProperty("id").GetString();
        Assert.EndsWith("/" + id, results[0].GetProperty("httpHeaders").GetProperty("Location").GetString());
        Assert.Equal(200, results[1].GetProperty("httpStatusCode").GetInt32());
        Assert.Equal(8.0, results[1].GetProperty("body").GetProperty("Value__c").GetDouble());
        Assert.Equal(400, results[2].GetProperty("httpStatusCode").GetInt32());
        Assert.Equal("NUMBER_OUTSIDE_VALID_RANGE", results[2].GetProperty("body")[0].GetProperty("errorCode").GetString());
        Assert.Equal("PROCESSING_HALTED", results[3].GetProperty("body")[0].GetProperty("errorCode").GetString());
        Assert.Equal(["snap", "read", "bad", "orphan"], results.EnumerateArray().Select(r => r.GetProperty("referenceId").GetString()!).ToArray());
        // limits (1) + composite (1) between the two readings.
        Assert.Equal(OAuthAndVersionTests.Used(before) + 2, OAuthAndVersionTests.Used(after));
    }

    [Fact]
    public async Task With_allOrNone_a_failure_halts_the_rest()
    {
        var (_, body) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/composite", $$"""
            {"allOrNone": true, "compositeRequest": [
              {"method": "GET", "url": "{{Sandbox.V}}/sobjects/Account/001000000000000AAA", "referenceId": "missing"},
              {"method": "GET", "url": "{{Sandbox.V}}/limits", "referenceId": "after"}
            ]}
            """);

        var results = body.GetProperty("compositeResponse");
        Assert.Equal(404, results[0].GetProperty("httpStatusCode").GetInt32());
        Assert.Equal(400, results[1].GetProperty("httpStatusCode").GetInt32());
        Assert.Equal("PROCESSING_HALTED", results[1].GetProperty("body")[0].GetProperty("errorCode").GetString());
    }
}

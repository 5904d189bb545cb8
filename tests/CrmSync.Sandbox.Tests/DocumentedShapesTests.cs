using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

/// <summary>
/// Property names of each answer against the examples in Salesforce's REST, Bulk API 2.0 and OAuth
/// documentation (the lists below are those examples' keys, in their order).
/// </summary>
public sealed class DocumentedShapesTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Query_page_versions_limits_and_describe_global()
    {
        var (_, page) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Opportunity"));
        AssertKeys(page, "totalSize", "done", "nextRecordsUrl", "records");
        AssertKeys(page.GetProperty("records")[0], "attributes", "Id");
        AssertKeys(page.GetProperty("records")[0].GetProperty("attributes"), "type", "url");

        var (_, versions) = await sandbox.Http.GetJsonAsync("/services/data/");
        AssertKeys(versions[0], "label", "url", "version");

        var (_, limits) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/limits");
        AssertKeys(limits.GetProperty("DailyApiRequests"), "Max", "Remaining");

        var (_, global) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects");
        AssertKeys(global, "encoding", "maxBatchSize", "sobjects");
    }

    [Fact]
    public async Task Updated_deleted_and_errors()
    {
        const string range = "?start=2026-10-01T00%3A00%3A00Z&end=2026-11-02T00%3A00%3A00Z";
        var (_, updated) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Opportunity/updated/{range}");
        AssertKeys(updated, "ids", "latestDateCovered");

        var (_, deleted) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/sobjects/Opportunity/deleted/{range}");
        AssertKeys(deleted, "deletedRecords", "earliestDateAvailable", "latestDateCovered");
        AssertKeys(deleted.GetProperty("deletedRecords")[0], "id", "deletedDate");

        var (_, error) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Nope FROM Account"));
        AssertKeys(error[0], "message", "errorCode");
    }

    [Fact]
    public async Task Collection_save_results()
    {
        var (_, accounts) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account ORDER BY Id DESC LIMIT 1"));
        var id = accounts.GetProperty("records")[0].GetProperty("Id").GetString();
        var (_, results) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/composite/sobjects", $$"""
            {"records":[{"attributes":{"type":"Account"},"id":"{{id}}","CrmSync_CSAT__c":7},{"attributes":{"type":"Account"},"id":"{{id}}","CrmSync_CSAT__c":700}]}
            """);

        AssertKeys(results[0], "id", "success", "errors");
        AssertKeys(results[1], "id", "success", "errors");
        AssertKeys(results[1].GetProperty("errors")[0], "statusCode", "message", "fields");
    }

    [Fact]
    public async Task Bulk_job_infos()
    {
        var (_, created) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/query", """{"operation":"query","query":"SELECT Id FROM Account"}""");
        AssertKeys(created, "id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state", "concurrencyMode", "contentType", "apiVersion", "lineEnding", "columnDelimiter");
        var (_, info) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/query/{created.GetProperty("id").GetString()}");
        AssertKeys(info, "id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state", "concurrencyMode", "contentType", "apiVersion",
            "jobType", "lineEnding", "columnDelimiter", "numberRecordsProcessed", "retries", "totalProcessingTime");

        var (_, ingest) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/ingest", """{"object":"Account","operation":"update"}""");
        AssertKeys(ingest, "id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state", "concurrencyMode", "contentType", "apiVersion",
            "contentUrl", "lineEnding", "columnDelimiter");
        var (_, ingestInfo) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/ingest/{ingest.GetProperty("id").GetString()}");
        AssertKeys(ingestInfo, "id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state", "concurrencyMode", "contentType", "apiVersion",
            "jobType", "lineEnding", "columnDelimiter", "numberRecordsProcessed", "numberRecordsFailed", "retries", "totalProcessingTime", "apiActiveProcessingTime", "apexProcessingTime");
    }

    private static void AssertKeys(JsonElement element, params string[] expected) =>
        Assert.Equal(expected, element.EnumerateObject().Select(p => p.Name).ToArray());
}

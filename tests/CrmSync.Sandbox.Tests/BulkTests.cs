using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace CrmSync.Sandbox.Tests;

public sealed class BulkTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Query_job_pages_CSV_with_Sforce_Locator_until_the_literal_null()
    {
        var (_, count) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT COUNT() FROM Opportunity"));
        var total = count.GetProperty("totalSize").GetInt32();

        var (created, job) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/query", """{"operation":"query","query":"SELECT Id, Name, Amount, CloseDate FROM Opportunity"}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("UploadComplete", job.GetProperty("state").GetString());
        Assert.Equal("query", job.GetProperty("operation").GetString());
        Assert.Equal("Opportunity", job.GetProperty("object").GetString());
        Assert.Equal("CSV", job.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Number, job.GetProperty("apiVersion").ValueKind);
        Assert.Equal(62.0, job.GetProperty("apiVersion").GetDouble());
        Assert.StartsWith("750", job.GetProperty("id").GetString());
        var id = job.GetProperty("id").GetString();

        var (early, _) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/query/{id}/results");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        var (_, info) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/query/{id}");
        Assert.Equal("JobComplete", info.GetProperty("state").GetString());
        Assert.Equal("V2Query", info.GetProperty("jobType").GetString());
        Assert.Equal(total, info.GetProperty("numberRecordsProcessed").GetInt32());

        var ids = new List<string>();
        var locator = "";
        var pages = 0;
        while (true)
        {
            using var response = await sandbox.Http.GetAsync($"{Sandbox.V}/jobs/query/{id}/results?maxRecords=1000{(locator.Length > 0 ? "&locator=" + locator : "")}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("\"Id\",\"Name\",\"Amount\",\"CloseDate\"\n", text);
            var rows = ParseCsv(text);
            Assert.Equal(rows.Count.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("Sforce-NumberOfRecords").Single());
            ids.AddRange(rows.Select(r => r["Id"]));
            pages++;
            locator = response.Headers.GetValues("Sforce-Locator").Single();
            if (locator == "null")
            {
                break;
            }
            Assert.Equal(1000, rows.Count);
        }
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal((total + 999) / 1000, pages);
    }

    [Fact]
    public async Task Query_job_with_bad_soql_is_rejected_at_creation()
    {
        var (response, body) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/query", """{"operation":"query","query":"SELECT Nope FROM Account"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_FIELD", body[0].GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Ingest_upsert_reports_successful_and_failed_results()
    {
        var (created, job) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/ingest",
            """{"object":"CrmSync_KPI_Snapshot__c","operation":"upsert","externalIdFieldName":"Snapshot_Key__c","contentType":"CSV","lineEnding":"LF"}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("Open", job.GetProperty("state").GetString());
        var id = job.GetProperty("id").GetString();
        Assert.Equal($"services/data/v62.0/jobs/ingest/{id}/batches", job.GetProperty("contentUrl").GetString());

        var csv = "Snapshot_Key__c,Metric__c,Value__c\n2026-11-01|(all)|csat,csat,8.25\n2026-11-01|(all)|nps,nps,1e20\n2026-11-01|(all)|fcr_rate,fcr_rate,55\n";
        using var upload = await sandbox.Http.PutAsync($"{Sandbox.V}/jobs/ingest/{id}/batches", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var (closed, closedInfo) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/jobs/ingest/{id}", """{"state":"UploadComplete"}""");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("UploadComplete", closedInfo.GetProperty("state").GetString());

        var (_, info) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/ingest/{id}");
        Assert.Equal("JobComplete", info.GetProperty("state").GetString());
        Assert.Equal("V2Ingest", info.GetProperty("jobType").GetString());
        Assert.Equal(3, info.GetProperty("numberRecordsProcessed").GetInt32());
        Assert.Equal(1, info.GetProperty("numberRecordsFailed").GetInt32());

        var successful = ParseCsv(await sandbox.Http.GetStringAsync($"{Sandbox.V}/jobs/ingest/{id}/successfulResults"));
        Assert.Equal(["2026-11-01|(all)|csat", "2026-11-01|(all)|fcr_rate"], successful.Select(r => r["Snapshot_Key__c"]).ToArray());
        Assert.All(successful, r => Assert.Equal("true", r["sf__Created"]));
        Assert.All(successful, r => Assert.StartsWith("a04", r["sf__Id"]));
        var failed = ParseCsv(await sandbox.Http.GetStringAsync($"{Sandbox.V}/jobs/ingest/{id}/failedResults"));
        var failure = Assert.Single(failed);
        Assert.Equal("2026-11-01|(all)|nps", failure["Snapshot_Key__c"]);
        Assert.StartsWith("NUMBER_OUTSIDE_VALID_RANGE:", failure["sf__Error"]);
        Assert.Equal("", failure["sf__Id"]);
        var unprocessed = await sandbox.Http.GetStringAsync($"{Sandbox.V}/jobs/ingest/{id}/unprocessedrecords");
        Assert.Equal("\"Snapshot_Key__c\",\"Metric__c\",\"Value__c\"\n", unprocessed);

        var (_, saved) = await sandbox.Http.GetJsonAsync(Sandbox.Query("SELECT Value__c FROM CrmSync_KPI_Snapshot__c WHERE Snapshot_Key__c = '2026-11-01|(all)|csat'"));
        Assert.Equal(8.25, saved.GetProperty("records")[0].GetProperty("Value__c").GetDouble());
    }

    [Fact]
    public async Task Ingest_insert_then_delete_and_a_queryAll_job_sees_the_deleted_rows()
    {
        var inserted = await RunIngestAsync("""{"object":"CrmSync_KPI_Snapshot__c","operation":"insert"}""",
            "Snapshot_Key__c,Metric__c,Value__c\nins|a,a,1\nins|b,b,2\n");
        Assert.Equal(2, inserted.Count);
        Assert.All(inserted, r => Assert.Equal("true", r["sf__Created"]));

        var deleted = await RunIngestAsync("""{"object":"CrmSync_KPI_Snapshot__c","operation":"delete"}""", $"Id\n{inserted[0]["sf__Id"]}\n");
        Assert.Equal(inserted[0]["sf__Id"], Assert.Single(deleted)["sf__Id"]);

        var (_, job) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/query",
            """{"operation":"queryAll","query":"SELECT Id, IsDeleted FROM CrmSync_KPI_Snapshot__c WHERE Metric__c IN ('a', 'b')"}""");
        await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/query/{job.GetProperty("id").GetString()}");
        var rows = ParseCsv(await sandbox.Http.GetStringAsync($"{Sandbox.V}/jobs/query/{job.GetProperty("id").GetString()}/results"));
        Assert.Equal("queryAll", job.GetProperty("operation").GetString());
        Assert.Equal(["true", "false"], rows.OrderBy(r => r["Id"], StringComparer.Ordinal).Select(r => r["IsDeleted"]).ToArray());
    }

    [Fact]
    public async Task Aborted_ingest_leaves_its_rows_unprocessed()
    {
        var (_, job) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/ingest", """{"object":"Account","operation":"update"}""");
        var id = job.GetProperty("id").GetString();
        using var upload = await sandbox.Http.PutAsync($"{Sandbox.V}/jobs/ingest/{id}/batches", new StringContent("Id,CrmSync_CSAT__c\n0018d0000000001AAA,5\n", Encoding.UTF8, "text/csv"));
        var (_, aborted) = await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/jobs/ingest/{id}", """{"state":"Aborted"}""");

        Assert.Equal("Aborted", aborted.GetProperty("state").GetString());
        var rows = ParseCsv(await sandbox.Http.GetStringAsync($"{Sandbox.V}/jobs/ingest/{id}/unprocessedrecords"));
        Assert.Equal("0018d0000000001AAA", Assert.Single(rows)["Id"]);
    }

    private async Task<List<Dictionary<string, string>>> RunIngestAsync(string jobJson, string csv)
    {
        var (_, job) = await sandbox.Http.SendJsonAsync(HttpMethod.Post, $"{Sandbox.V}/jobs/ingest", jobJson);
        var id = job.GetProperty("id").GetString();
        using var upload = await sandbox.Http.PutAsync($"{Sandbox.V}/jobs/ingest/{id}/batches", new StringContent(csv, Encoding.UTF8, "text/csv"));
        await sandbox.Http.SendJsonAsync(HttpMethod.Patch, $"{Sandbox.V}/jobs/ingest/{id}", """{"state":"UploadComplete"}""");
        var (_, info) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/jobs/ingest/{id}");
        Assert.Equal(0, info.GetProperty("numberRecordsFailed").GetInt32());
        return ParseCsv(await sandbox.Http.GetStringAsync($"{Sandbox.V}/jobs/ingest/{id}/successfulResults"));
    }

    internal static List<Dictionary<string, string>> ParseCsv(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetField(h)!));
        }
        return rows;
    }
}

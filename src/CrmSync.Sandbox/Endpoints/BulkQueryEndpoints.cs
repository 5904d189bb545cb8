using System.Globalization;
using System.Text;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Bulk;
using CrmSync.Sandbox.Soql;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// Bulk API 2.0 query: POST /jobs/query, GET /jobs/query[/{id}], GET /jobs/query/{id}/results
/// (CSV pages with Sforce-Locator, the literal "null" on the last, and Sforce-NumberOfRecords),
/// PATCH (abort) and DELETE.
/// </summary>
internal static class BulkQueryEndpoints
{
    public const int DefaultMaxRecords = 50_000;

    public static RouteGroupBuilder MapBulkQueryEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/jobs/query", Create);
        api.MapGet("/jobs/query", (SandboxState state) => SalesforceJson.Written(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("done", true);
            w.WriteStartArray("records");
            foreach (var job in state.BulkJobs.All<BulkQueryJob>())
            {
                BulkJobJson.WriteQuery(w, job, full: false);
            }
            w.WriteEndArray();
            w.WriteNull("nextRecordsUrl");
            w.WriteEndObject();
        }));
        api.MapGet("/jobs/query/{jobId}", (string jobId, SandboxState state) => WithJob(state, jobId, job =>
        {
            // The query ran when the job was created; the first poll sees the result.
            if (job.State == "UploadComplete")
            {
                job.State = "JobComplete";
                job.SystemModstampMillis = state.Org.Clock.NowMillis;
            }
            return Info(job);
        }));
        api.MapGet("/jobs/query/{jobId}/results", Results);
        api.MapPatch("/jobs/query/{jobId}", (string jobId, HttpRequest request, SandboxState state) => RequestBodies.Guard(async () =>
        {
            var body = (await RequestBodies.ReadJsonAsync(request))!.Value;
            return WithJob(state, jobId, job =>
            {
                if (body.TryGetProperty("state", out var target) && target.GetString() == "Aborted" && job.State is "UploadComplete" or "InProgress")
                {
                    job.State = "Aborted";
                }
                return Info(job);
            });
        }));
        api.MapDelete("/jobs/query/{jobId}", (string jobId, SandboxState state) =>
            state.BulkJobs.Find<BulkQueryJob>(jobId) is not null && state.BulkJobs.Remove(jobId) ? Microsoft.AspNetCore.Http.Results.NoContent() : SalesforceJson.NotFound());
        return api;
    }

    private static Task<IResult> Create(HttpContext context, SandboxState state) => RequestBodies.Guard(async () =>
    {
        var body = (await RequestBodies.ReadJsonAsync(context.Request))!.Value;
        var operation = body.TryGetProperty("operation", out var op) ? op.GetString() : null;
        var soql = body.TryGetProperty("query", out var q) ? q.GetString() : null;
        if (operation is not ("query" or "queryAll") || string.IsNullOrWhiteSpace(soql))
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOB", "Invalid job: operation must be query or queryAll, and query is required");
        }
        QueryResult result;
        try
        {
            result = state.Org.Read(() => SoqlEvaluator.Run(state.Org, soql, includeDeleted: operation == "queryAll"));
        }
        catch (SoqlException e)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, e.ErrorCode, e.Message);
        }
        if (result.IsCount)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOB", "Aggregate queries are not supported by Bulk API 2.0 query jobs");
        }
        context.Items[ApiGateMiddleware.ObjectItem] = result.Table.Name;
        var job = state.BulkJobs.Add(id => new BulkQueryJob(id, operation, result.Table.Name, state.Org.Clock.NowMillis, ApiVersions.Of(context), result)
        {
            LineEnding = body.TryGetProperty("lineEnding", out var le) && le.GetString() == "CRLF" ? "CRLF" : "LF",
        });
        job.State = "UploadComplete";
        return SalesforceJson.Written(w => BulkJobJson.WriteQuery(w, job, full: false));
    });

    private static IResult Results(string jobId, HttpContext context, SandboxState state)
    {
        var job = state.BulkJobs.Find<BulkQueryJob>(jobId);
        if (job is null)
        {
            return SalesforceJson.NotFound();
        }
        if (job.State != "JobComplete")
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOBSTATE", $"Job state is {job.State}; results are available when it is JobComplete");
        }
        context.Items[ApiGateMiddleware.ObjectItem] = job.Object;
        var offset = ParseLocator(context.Request.Query["locator"].ToString());
        var maxRecords = int.TryParse(context.Request.Query["maxRecords"], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0 ? max : DefaultMaxRecords;
        if (offset is null || offset > job.Result.TotalSize)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALID_LOCATOR", "Invalid locator");
        }
        var start = offset.Value;
        var end = (int)Math.Min(job.Result.TotalSize, (long)start + maxRecords);
        var lineEnding = BulkCsv.LineEnding(job.LineEnding);
        state.Stats.RowsServed(end - start);
        context.Response.Headers["Sforce-NumberOfRecords"] = (end - start).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Sforce-Locator"] = end < job.Result.TotalSize ? Locator(end) : "null";
        return SalesforceJson.Piped(state.Org.Lock, "text/csv", pipe => RenderCsv(pipe, job.Result, start, end, lineEnding));
    }

    /// <summary>Encodes a few hundred rows at a time into the response pipe, so no page-sized string is ever built.</summary>
    private static void RenderCsv(System.IO.Pipelines.PipeWriter pipe, QueryResult result, int start, int end, string lineEnding)
    {
        const int RowsPerChunk = 500;
        var builder = new StringBuilder(RowsPerChunk * 24 * Math.Max(1, result.Columns.Count));
        var encoder = Encoding.UTF8.GetEncoder();
        BulkCsv.AppendRow(builder, result.Columns.Select(c => c.Field.Name), lineEnding);
        for (var i = start; i < end; i++)
        {
            if ((i - start) % RowsPerChunk == RowsPerChunk - 1)
            {
                Encode(builder, encoder, pipe, flush: false);
            }
            var row = result.Rows[i];
            for (var c = 0; c < result.Columns.Count; c++)
            {
                if (c > 0)
                {
                    builder.Append(',');
                }
                // AppendCsv doubles any quote inside text, so the value can be wrapped as it is.
                builder.Append('"');
                result.Columns[c].AppendCsv(builder, row);
                builder.Append('"');
            }
            builder.Append(lineEnding);
        }
        Encode(builder, encoder, pipe, flush: true);
    }

    /// <summary>One encoder across chunks, so a surrogate pair split between two chunks still encodes.</summary>
    private static void Encode(StringBuilder builder, Encoder encoder, System.IO.Pipelines.PipeWriter pipe, bool flush)
    {
        foreach (var chunk in builder.GetChunks())
        {
            encoder.Convert(chunk.Span, pipe, flush: false, out _, out _);
        }
        if (flush)
        {
            encoder.Convert(ReadOnlySpan<char>.Empty, pipe, flush: true, out _, out _);
        }
        builder.Clear();
    }

    /// <summary>Locators are opaque to clients; like Salesforce's they are the base64 of the next offset.</summary>
    private static string Locator(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int? ParseLocator(string locator)
    {
        if (locator.Length == 0)
        {
            return 0;
        }
        try
        {
            var padded = locator.PadRight(locator.Length + (4 - locator.Length % 4) % 4, '=');
            return int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(padded)), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IResult WithJob(SandboxState state, string jobId, Func<BulkQueryJob, IResult> answer) =>
        state.BulkJobs.Find<BulkQueryJob>(jobId) is { } job ? answer(job) : SalesforceJson.NotFound();

    private static IResult Info(BulkQueryJob job) => SalesforceJson.Written(w => BulkJobJson.WriteQuery(w, job, full: true));

}

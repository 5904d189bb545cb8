using System.Text;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Bulk;
using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// Bulk API 2.0 ingest: POST /jobs/ingest, PUT …/batches (CSV), PATCH state UploadComplete or
/// Aborted, GET info, successfulResults, failedResults, unprocessedrecords, DELETE.
/// </summary>
internal static class BulkIngestEndpoints
{
    private static readonly string[] Operations = ["insert", "update", "upsert", "delete", "hardDelete"];

    public static RouteGroupBuilder MapBulkIngestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/jobs/ingest", Create);
        api.MapPut("/jobs/ingest/{jobId}/batches", async (string jobId, HttpRequest request, SandboxState state) =>
        {
            if (state.BulkJobs.Find<BulkIngestJob>(jobId) is not { } job)
            {
                return SalesforceJson.NotFound();
            }
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var csv = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            lock (job)
            {
                if (job.State != "Open")
                {
                    return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOBSTATE", $"Job state is {job.State}; data can only be uploaded while it is Open");
                }
                job.Uploads.Add(csv);
            }
            return Results.Created();
        });
        api.MapPatch("/jobs/ingest/{jobId}", (string jobId, HttpRequest request, SandboxState state) => RequestBodies.Guard(async () =>
        {
            var body = (await RequestBodies.ReadJsonAsync(request))!.Value;
            if (state.BulkJobs.Find<BulkIngestJob>(jobId) is not { } job)
            {
                return SalesforceJson.NotFound();
            }
            var target = body.TryGetProperty("state", out var s) ? s.GetString() : null;
            lock (job)
            {
                return Transition(job, target) ? Info(job, full: false)
                    : SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOBSTATE", $"Cannot move a job from {job.State} to {target}");
            }
        }));
        api.MapGet("/jobs/ingest/{jobId}", (string jobId, SandboxState state) =>
            Processed(state, jobId) is { } job ? Info(job, full: true) : SalesforceJson.NotFound());
        api.MapGet("/jobs/ingest/{jobId}/successfulResults", (string jobId, SandboxState state) => Csv(state, jobId, job =>
            (["sf__Id", "sf__Created", .. job.Header], job.Successful.Select(s => (string?[])[s.Id, s.Created ? "true" : "false", .. s.Row]))));
        api.MapGet("/jobs/ingest/{jobId}/failedResults", (string jobId, SandboxState state) => Csv(state, jobId, job =>
            (["sf__Id", "sf__Error", .. job.Header], job.Failed.Select(f => (string?[])[f.Id, f.Error, .. f.Row]))));
        api.MapGet("/jobs/ingest/{jobId}/unprocessedrecords", (string jobId, SandboxState state) => Csv(state, jobId, job =>
            (job.Header.ToArray(), job.Unprocessed.Select(r => (string?[])r))));
        api.MapDelete("/jobs/ingest/{jobId}", (string jobId, SandboxState state) =>
            state.BulkJobs.Find<BulkIngestJob>(jobId) is not null && state.BulkJobs.Remove(jobId) ? Results.NoContent() : SalesforceJson.NotFound());
        return api;
    }

    /// <summary>Open → UploadComplete, or Open/UploadComplete → Aborted (its rows become unprocessed). Call holding the job's lock.</summary>
    private static bool Transition(BulkIngestJob job, string? target)
    {
        if (target == "UploadComplete" && job.State == "Open")
        {
            job.State = "UploadComplete";
            return true;
        }
        if (target != "Aborted" || job.State is not ("Open" or "UploadComplete"))
        {
            return false;
        }
        job.State = "Aborted";
        foreach (var upload in job.Uploads)
        {
            var (header, rows) = BulkCsv.Parse(upload);
            job.Header = job.Header.Count > 0 ? job.Header : [.. header];
            job.Unprocessed.AddRange(rows);
        }
        return true;
    }

    private static Task<IResult> Create(HttpContext context, SandboxState state) => RequestBodies.Guard(async () =>
    {
        var body = (await RequestBodies.ReadJsonAsync(context.Request))!.Value;
        var objectName = body.TryGetProperty("object", out var o) ? o.GetString() : null;
        var operation = body.TryGetProperty("operation", out var op) ? op.GetString() : null;
        var externalId = body.TryGetProperty("externalIdFieldName", out var e) ? e.GetString() : null;
        if (objectName is null || state.Org.Find(objectName) is not { } table)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOB", $"InvalidJob : Invalid object: {objectName}");
        }
        if (operation is null || !Operations.Contains(operation))
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOB", $"InvalidJob : Invalid operation: {operation}");
        }
        if (operation == "upsert" && (externalId is null || table.Definition.Find(externalId) is not ({ ExternalId: true } or { Type: FieldType.Id })))
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALIDJOB", $"InvalidJob : Field name provided, {externalId} does not match an External ID, Salesforce Id, or indexed field for {table.Name}");
        }
        context.Items[ApiGateMiddleware.ObjectItem] = table.Name;
        var job = state.BulkJobs.Add(id => new BulkIngestJob(id, operation, table.Name, state.Org.Clock.NowMillis, ApiVersions.Of(context))
        {
            ExternalIdFieldName = operation == "upsert" ? table.Definition.Find(externalId!)!.Name : null,
            LineEnding = body.TryGetProperty("lineEnding", out var le) && le.GetString() == "CRLF" ? "CRLF" : "LF",
        });
        return Info(job, full: false);
    });

    private static IResult Info(BulkIngestJob job, bool full) => SalesforceJson.Written(w => BulkJobJson.WriteIngest(w, job, full));

    /// <summary>The upload is processed when the job is next looked at, so a poll right after UploadComplete can still see it pending.</summary>
    private static BulkIngestJob? Processed(SandboxState state, string jobId)
    {
        var job = state.BulkJobs.Find<BulkIngestJob>(jobId);
        if (job is not null)
        {
            lock (job)
            {
                if (job.State == "UploadComplete")
                {
                    new IngestProcessor(state).Process(job);
                }
            }
        }
        return job;
    }

    private static IResult Csv(SandboxState state, string jobId, Func<BulkIngestJob, (string[] Header, IEnumerable<string?[]> Rows)> select)
    {
        if (Processed(state, jobId) is not { } job)
        {
            return SalesforceJson.NotFound();
        }
        var (header, rows) = select(job);
        var lineEnding = BulkCsv.LineEnding(job.LineEnding);
        var builder = new StringBuilder();
        BulkCsv.AppendRow(builder, header, lineEnding);
        foreach (var row in rows)
        {
            BulkCsv.AppendRow(builder, row, lineEnding);
        }
        return Results.Bytes(Encoding.UTF8.GetBytes(builder.ToString()), "text/csv");
    }
}

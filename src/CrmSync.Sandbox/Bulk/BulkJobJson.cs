using System.Text.Json;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Wire;

namespace CrmSync.Sandbox.Bulk;

/// <summary>Job info bodies in the documented property order; apiVersion is a JSON number (62.0).</summary>
internal static class BulkJobJson
{
    public static void WriteQuery(Utf8JsonWriter w, BulkQueryJob job, bool full)
    {
        w.WriteStartObject();
        Common(w, job, job.ApiVersion);
        if (full)
        {
            w.WriteString("jobType", "V2Query");
        }
        w.WriteString("lineEnding", job.LineEnding);
        w.WriteString("columnDelimiter", job.ColumnDelimiter);
        if (full)
        {
            w.WriteNumber("numberRecordsProcessed", job.State == "JobComplete" ? job.Result.TotalSize : 0);
            w.WriteNumber("retries", 0);
            w.WriteNumber("totalProcessingTime", 0);
        }
        w.WriteEndObject();
    }

    public static void WriteIngest(Utf8JsonWriter w, BulkIngestJob job, bool full)
    {
        w.WriteStartObject();
        Common(w, job, job.ApiVersion);
        if (job.ExternalIdFieldName is not null)
        {
            w.WriteString("externalIdFieldName", job.ExternalIdFieldName);
        }
        if (full)
        {
            w.WriteString("jobType", "V2Ingest");
        }
        else
        {
            w.WriteString("contentUrl", $"services/data/v{job.ApiVersion}/jobs/ingest/{job.Id}/batches");
        }
        w.WriteString("lineEnding", job.LineEnding);
        w.WriteString("columnDelimiter", "COMMA");
        if (full)
        {
            w.WriteNumber("numberRecordsProcessed", job.Successful.Count + job.Failed.Count);
            w.WriteNumber("numberRecordsFailed", job.Failed.Count);
            w.WriteNumber("retries", 0);
            w.WriteNumber("totalProcessingTime", job.ProcessingMillis);
            w.WriteNumber("apiActiveProcessingTime", job.ProcessingMillis);
            w.WriteNumber("apexProcessingTime", 0);
            if (job.ErrorMessage is not null)
            {
                w.WriteString("errorMessage", job.ErrorMessage);
            }
        }
        w.WriteEndObject();
    }

    private static void Common(Utf8JsonWriter w, BulkJob job, string apiVersion)
    {
        w.WriteString("id", job.Id);
        w.WriteString("operation", job.Operation);
        w.WriteString("object", job.Object);
        w.WriteString("createdById", SessionStore.UserId);
        w.WriteString("createdDate", WireFormat.RestDateTime(job.CreatedMillis));
        w.WriteString("systemModstamp", WireFormat.RestDateTime(job.SystemModstampMillis));
        w.WriteString("state", job.State);
        w.WriteString("concurrencyMode", "Parallel");
        w.WriteString("contentType", "CSV");
        w.WritePropertyName("apiVersion");
        w.WriteRawValue(apiVersion, skipInputValidation: true);
    }
}

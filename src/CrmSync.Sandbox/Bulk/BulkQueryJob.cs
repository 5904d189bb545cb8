using CrmSync.Sandbox.Soql;

namespace CrmSync.Sandbox.Bulk;

/// <summary>A Bulk API 2.0 query job. The query runs at creation; the first status poll finds it JobComplete.</summary>
internal sealed class BulkQueryJob(string id, string operation, string objectName, long createdMillis, string apiVersion, QueryResult result)
    : BulkJob(id, operation, objectName, createdMillis)
{
    public QueryResult Result { get; } = result;

    public string ApiVersion { get; } = apiVersion;

    public string LineEnding { get; init; } = "LF";

    public string ColumnDelimiter { get; init; } = "COMMA";
}

internal sealed class BulkIngestJob(string id, string operation, string objectName, long createdMillis, string apiVersion)
    : BulkJob(id, operation, objectName, createdMillis)
{
    public string ApiVersion { get; } = apiVersion;

    public string? ExternalIdFieldName { get; init; }

    public string LineEnding { get; init; } = "LF";

    /// <summary>The CSV batches PUT so far, processed at UploadComplete.</summary>
    public List<string> Uploads { get; } = [];

    public List<string> Header { get; set; } = [];

    public List<(string Id, bool Created, string[] Row)> Successful { get; } = [];

    public List<(string Id, string Error, string[] Row)> Failed { get; } = [];

    public List<string[]> Unprocessed { get; } = [];

    public long ProcessingMillis { get; set; }
}

using Refit;

namespace CrmSync.Salesforce.Bulk;

/// <summary>
/// Bulk API 2.0 under <c>/services/data/vNN.0/jobs</c>
/// (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0.htm).
/// </summary>
public interface IBulkApi
{
    [Post("/jobs/query")]
    Task<BulkJobInfo> CreateQueryJobAsync([Body] BulkQueryJobRequest request, CancellationToken ct);

    [Get("/jobs/query/{jobId}")]
    Task<BulkJobInfo> GetQueryJobAsync(string jobId, CancellationToken ct);

    [Patch("/jobs/query/{jobId}")]
    Task<BulkJobInfo> ChangeQueryJobStateAsync(string jobId, [Body] BulkJobStateChange change, CancellationToken ct);

    /// <summary>CSV; the <c>Sforce-Locator</c> header names the next page or is the literal <c>null</c>.</summary>
    [Get("/jobs/query/{jobId}/results")]
    Task<HttpResponseMessage> GetQueryResultsAsync(string jobId, [Query] string? locator, [Query] int? maxRecords, CancellationToken ct);

    [Post("/jobs/ingest")]
    Task<BulkJobInfo> CreateIngestJobAsync([Body] BulkIngestJobRequest request, CancellationToken ct);

    [Get("/jobs/ingest/{jobId}")]
    Task<BulkJobInfo> GetIngestJobAsync(string jobId, CancellationToken ct);

    [Put("/jobs/ingest/{jobId}/batches")]
    Task UploadIngestDataAsync(string jobId, [Body] HttpContent csv, CancellationToken ct);

    [Patch("/jobs/ingest/{jobId}")]
    Task<BulkJobInfo> ChangeIngestJobStateAsync(string jobId, [Body] BulkJobStateChange change, CancellationToken ct);

    [Get("/jobs/ingest/{jobId}/successfulResults/")]
    Task<HttpResponseMessage> GetSuccessfulResultsAsync(string jobId, CancellationToken ct);

    [Get("/jobs/ingest/{jobId}/failedResults/")]
    Task<HttpResponseMessage> GetFailedResultsAsync(string jobId, CancellationToken ct);

    [Get("/jobs/ingest/{jobId}/unprocessedrecords/")]
    Task<HttpResponseMessage> GetUnprocessedRecordsAsync(string jobId, CancellationToken ct);
}

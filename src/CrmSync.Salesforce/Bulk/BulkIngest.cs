using System.Net.Http.Headers;
using System.Text;
using CrmSync.Salesforce.Errors;
using Microsoft.Extensions.Logging;

namespace CrmSync.Salesforce.Bulk;

/// <summary>
/// Bulk API 2.0 ingest (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/walkthrough_upload_data.htm):
/// create a job, upload CSV (≤ 100 MB per job), mark it <c>UploadComplete</c>, poll, read the per-row results.
/// </summary>
public interface IBulkIngest
{
    /// <summary>The whole round trip; build <paramref name="csv"/> with <see cref="BulkCsv.Write"/>.</summary>
    Task<BulkIngestResult> RunAsync(BulkIngestJobRequest request, string csv, CancellationToken ct = default);

    Task<BulkJobInfo> CreateJobAsync(BulkIngestJobRequest request, CancellationToken ct = default);

    Task UploadAsync(string jobId, string csv, CancellationToken ct = default);

    Task<BulkJobInfo> CloseAsync(string jobId, CancellationToken ct = default);

    Task<BulkJobInfo> AbortAsync(string jobId, CancellationToken ct = default);

    /// <summary>Polls with backoff until <c>JobComplete</c>; throws <see cref="BulkJobFailedException"/> on Failed/Aborted.</summary>
    Task<BulkJobInfo> WaitForCompletionAsync(string jobId, CancellationToken ct = default);

    Task<IReadOnlyList<BulkRecord>> GetSuccessfulResultsAsync(string jobId, CancellationToken ct = default);

    Task<IReadOnlyList<BulkRecord>> GetFailedResultsAsync(string jobId, CancellationToken ct = default);

    Task<IReadOnlyList<BulkRecord>> GetUnprocessedRecordsAsync(string jobId, CancellationToken ct = default);
}

internal sealed class BulkIngest(IBulkApi api, BulkJobPoller poller, ILogger<BulkIngest> logger) : IBulkIngest
{
    public async Task<BulkIngestResult> RunAsync(BulkIngestJobRequest request, string csv, CancellationToken ct = default)
    {
        var job = await CreateJobAsync(request, ct).ConfigureAwait(false);
        try
        {
            await UploadAsync(job.Id, csv, ct).ConfigureAwait(false);
            await CloseAsync(job.Id, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SalesforceException or OperationCanceledException)
        {
            try
            {
                await AbortAsync(job.Id, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SalesforceException abortError)
            {
                BulkLog.AbortFailed(logger, job.Id, abortError.ErrorCode);
            }

            throw;
        }

        var finished = await WaitForCompletionAsync(job.Id, ct).ConfigureAwait(false);
        return new BulkIngestResult(
            finished,
            await GetSuccessfulResultsAsync(job.Id, ct).ConfigureAwait(false),
            await GetFailedResultsAsync(job.Id, ct).ConfigureAwait(false),
            await GetUnprocessedRecordsAsync(job.Id, ct).ConfigureAwait(false));
    }

    public async Task<BulkJobInfo> CreateJobAsync(BulkIngestJobRequest request, CancellationToken ct = default)
    {
        var job = await api.CreateIngestJobAsync(request, ct).ConfigureAwait(false);
        BulkLog.Created(logger, job.Id, job.Operation, job.Object);
        return job;
    }

    public async Task UploadAsync(string jobId, string csv, CancellationToken ct = default)
    {
        using var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await api.UploadIngestDataAsync(jobId, content, ct).ConfigureAwait(false);
    }

    public Task<BulkJobInfo> CloseAsync(string jobId, CancellationToken ct = default) =>
        api.ChangeIngestJobStateAsync(jobId, new BulkJobStateChange(BulkJobStates.UploadComplete), ct);

    public Task<BulkJobInfo> AbortAsync(string jobId, CancellationToken ct = default) =>
        api.ChangeIngestJobStateAsync(jobId, new BulkJobStateChange(BulkJobStates.Aborted), ct);

    public Task<BulkJobInfo> WaitForCompletionAsync(string jobId, CancellationToken ct = default) =>
        poller.WaitAsync(jobId, api.GetIngestJobAsync, ct);

    public Task<IReadOnlyList<BulkRecord>> GetSuccessfulResultsAsync(string jobId, CancellationToken ct = default) =>
        ReadAllAsync(api.GetSuccessfulResultsAsync(jobId, ct), ct);

    public Task<IReadOnlyList<BulkRecord>> GetFailedResultsAsync(string jobId, CancellationToken ct = default) =>
        ReadAllAsync(api.GetFailedResultsAsync(jobId, ct), ct);

    public Task<IReadOnlyList<BulkRecord>> GetUnprocessedRecordsAsync(string jobId, CancellationToken ct = default) =>
        ReadAllAsync(api.GetUnprocessedRecordsAsync(jobId, ct), ct);

    private static async Task<IReadOnlyList<BulkRecord>> ReadAllAsync(Task<HttpResponseMessage> call, CancellationToken ct)
    {
        using var response = await call.ConfigureAwait(false);
        var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var rows = new List<BulkRecord>();
        await foreach (var row in BulkCsv.ReadAsync(body, ct).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }
}

using System.Runtime.CompilerServices;
using CrmSync.Salesforce.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Bulk;

/// <summary>
/// Bulk API 2.0 query (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm).
/// </summary>
public interface IBulkQueries
{
    /// <summary>Creates the job, waits for it, then streams every result row across all locator pages.</summary>
    IAsyncEnumerable<BulkRecord> QueryAsync(string soql, bool includeDeleted = false, CancellationToken ct = default);

    Task<BulkJobInfo> CreateJobAsync(string soql, bool includeDeleted = false, CancellationToken ct = default);

    Task<BulkJobInfo> GetJobAsync(string jobId, CancellationToken ct = default);

    /// <summary>Polls with backoff until <c>JobComplete</c>; throws <see cref="BulkJobFailedException"/> on Failed/Aborted.</summary>
    Task<BulkJobInfo> WaitForCompletionAsync(string jobId, CancellationToken ct = default);

    /// <summary>Streams the results, following <c>Sforce-Locator</c> until it is the literal <c>null</c>.</summary>
    IAsyncEnumerable<BulkRecord> ReadResultsAsync(string jobId, CancellationToken ct = default);

    Task<BulkJobInfo> AbortAsync(string jobId, CancellationToken ct = default);
}

internal sealed class BulkQueries(IBulkApi api, BulkJobPoller poller, IOptions<SalesforceOptions> options, ILogger<BulkQueries> logger)
    : IBulkQueries
{
    private const string LocatorHeader = "Sforce-Locator";
    private const string RecordCountHeader = "Sforce-NumberOfRecords";

    public async IAsyncEnumerable<BulkRecord> QueryAsync(string soql, bool includeDeleted = false, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var job = await CreateJobAsync(soql, includeDeleted, ct).ConfigureAwait(false);
        try
        {
            await WaitForCompletionAsync(job.Id, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            BulkLog.Aborting(logger, job.Id);
            await TryAbortAsync(job.Id).ConfigureAwait(false);
            throw;
        }

        await foreach (var record in ReadResultsAsync(job.Id, ct).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    public async Task<BulkJobInfo> CreateJobAsync(string soql, bool includeDeleted = false, CancellationToken ct = default)
    {
        var job = await api.CreateQueryJobAsync(new BulkQueryJobRequest(includeDeleted ? "queryAll" : "query", soql), ct).ConfigureAwait(false);
        BulkLog.Created(logger, job.Id, job.Operation, job.Object);
        return job;
    }

    public Task<BulkJobInfo> GetJobAsync(string jobId, CancellationToken ct = default) => api.GetQueryJobAsync(jobId, ct);

    public Task<BulkJobInfo> WaitForCompletionAsync(string jobId, CancellationToken ct = default) =>
        poller.WaitAsync(jobId, api.GetQueryJobAsync, ct);

    public async IAsyncEnumerable<BulkRecord> ReadResultsAsync(string jobId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var maxRecords = options.Value.BulkMaxRecords > 0 ? options.Value.BulkMaxRecords : (int?)null;
        string? locator = null;
        do
        {
            using var response = await api.GetQueryResultsAsync(jobId, locator, maxRecords, ct).ConfigureAwait(false);
            locator = NextLocator(response);
            BulkLog.ResultPage(logger, jobId, Header(response, RecordCountHeader), locator);
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await foreach (var record in BulkCsv.ReadAsync(body, ct).ConfigureAwait(false))
            {
                yield return record;
            }
        }
        while (locator is not null);
    }

    public Task<BulkJobInfo> AbortAsync(string jobId, CancellationToken ct = default) =>
        api.ChangeQueryJobStateAsync(jobId, new BulkJobStateChange(BulkJobStates.Aborted), ct);

    /// <summary>Best effort: the job may have finished meanwhile; the caller's own error is what matters.</summary>
    private async Task TryAbortAsync(string jobId)
    {
        try
        {
            await AbortAsync(jobId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SalesforceException e)
        {
            BulkLog.AbortFailed(logger, jobId, e.ErrorCode);
        }
    }

    /// <summary>The last page says so with the literal string <c>null</c> (or, defensively, no header at all).</summary>
    private static string? NextLocator(HttpResponseMessage response)
    {
        var value = Header(response, LocatorHeader);
        return string.IsNullOrEmpty(value) || value == "null" ? null : value;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using CrmSync.Salesforce.Auth;
using CrmSync.Salesforce.Json;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Rest;

internal sealed class SalesforceClient(
    ISalesforceRestApi rest,
    ISalesforceRootApi root,
    ISalesforceSessionProvider sessions,
    IOptions<SalesforceOptions> options)
    : ISalesforceClient
{
    private readonly string _queryOptions = "batchSize=" + options.Value.QueryBatchSize.ToString(CultureInfo.InvariantCulture);

    public IAsyncEnumerable<T> QueryAsync<T>(string soql, CancellationToken ct = default) =>
        StreamAsync<T>(soql, includeDeleted: false, ct);

    public IAsyncEnumerable<T> QueryAllAsync<T>(string soql, CancellationToken ct = default) =>
        StreamAsync<T>(soql, includeDeleted: true, ct);

    public IAsyncEnumerable<QueryPage<T>> QueryAllPagesAsync<T>(string soql, CancellationToken ct = default) =>
        StreamPagesAsync<T>(soql, includeDeleted: true, ct);

    public async Task<T?> QuerySingleAsync<T>(string soql, CancellationToken ct = default)
    {
        var page = await rest.QueryAsync<T>(soql, null, ct).ConfigureAwait(false);
        return page.Records.Count > 0 ? page.Records[0] : default;
    }

    public Task<SearchResult<T>> SearchAsync<T>(string sosl, CancellationToken ct = default) => rest.SearchAsync<T>(sosl, ct);

    public Task<SObjectBasicInfo> GetBasicInfoAsync(string objectName, CancellationToken ct = default) => rest.GetBasicInfoAsync(objectName, ct);

    public async Task<IdentityInfo> GetIdentityAsync(CancellationToken ct = default)
    {
        var session = await sessions.GetSessionAsync(ct).ConfigureAwait(false);
        var identity = session.IdentityUrl ?? throw new InvalidOperationException("The login answer carried no identity URL.");
        return await root.GetIdentityAsync(new Uri(identity).AbsolutePath.TrimStart('/'), ct).ConfigureAwait(false);
    }

    public Task<SObjectTreeResponse> CreateTreeAsync(string objectName, IReadOnlyList<SObjectTreeRecord> records, CancellationToken ct = default) =>
        rest.CreateTreeAsync(objectName, new Dictionary<string, object?> { ["records"] = records.Select(r => r.ToWire()).ToList() }, ct);

    public async Task<Stream> OpenBlobAsync(string objectName, string id, string blobField, CancellationToken ct = default)
    {
        var response = await rest.GetBlobAsync(objectName, id, blobField, ct).ConfigureAwait(false);
        return await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
    }

    public async Task<T?> CallApexRestAsync<T>(string path, object? body = null, CancellationToken ct = default)
    {
        var relative = path.TrimStart('/');
        using var response = body is null
            ? await root.GetApexRestAsync(relative, ct).ConfigureAwait(false)
            : await root.PostApexRestAsync(relative, body, ct).ConfigureAwait(false);
        return response.Content.Headers.ContentLength == 0
            ? default
            : await response.Content.ReadFromJsonAsync<T>(SalesforceJson.Options, ct).ConfigureAwait(false);
    }

    public async Task<int> CountAsync(string soql, CancellationToken ct = default) =>
        (await rest.QueryAsync<System.Text.Json.JsonElement>(soql, null, ct).ConfigureAwait(false)).TotalSize;

    public Task<IReadOnlyList<ApiVersionInfo>> GetVersionsAsync(CancellationToken ct = default) => root.GetVersionsAsync(ct);

    public Task<IReadOnlyDictionary<string, OrgLimit>> GetLimitsAsync(CancellationToken ct = default) => rest.GetLimitsAsync(ct);

    public Task<DescribeGlobalResult> DescribeGlobalAsync(CancellationToken ct = default) => rest.DescribeGlobalAsync(ct);

    public Task<SObjectDescribe> DescribeAsync(string objectName, CancellationToken ct = default) => rest.DescribeAsync(objectName, ct);

    public Task<T> GetRecordAsync<T>(string objectName, string id, IEnumerable<string>? fields = null, CancellationToken ct = default) =>
        rest.GetRecordAsync<T>(objectName, id, fields, ct);

    public Task<SaveResult> CreateRecordAsync(string objectName, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default) =>
        rest.CreateRecordAsync(objectName, fields, ct);

    public Task UpdateRecordAsync(string objectName, string id, IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default) =>
        rest.UpdateRecordAsync(objectName, id, fields, ct);

    public async Task<SaveResult> UpsertRecordAsync(string objectName, string externalIdField, string externalId,
        IReadOnlyDictionary<string, object?> fields, CancellationToken ct = default)
    {
        using var response = await rest.UpsertRecordAsync(objectName, externalIdField, externalId, fields, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return new SaveResult(null, true, []) { Created = false };
        }

        var result = await response.Content.ReadFromJsonAsync<SaveResult>(SalesforceJson.Options, ct).ConfigureAwait(false);
        return result! with { Created = result.Created ?? response.StatusCode == HttpStatusCode.Created };
    }

    public Task DeleteRecordAsync(string objectName, string id, CancellationToken ct = default) =>
        rest.DeleteRecordAsync(objectName, id, ct);

    public Task<UpdatedRecords> GetUpdatedAsync(string objectName, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default) =>
        rest.GetUpdatedAsync(objectName, FormatWindow(start), FormatWindow(end), ct);

    public Task<DeletedRecords> GetDeletedAsync(string objectName, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default) =>
        rest.GetDeletedAsync(objectName, FormatWindow(start), FormatWindow(end), ct);

    public Task<CompositeResponse> CompositeAsync(CompositeRequest request, CancellationToken ct = default) =>
        rest.CompositeAsync(request, ct);

    /// <summary>
    /// Yields one page while the next is already on its way, so parsing and the network overlap; the first page is
    /// handed over before the second is asked for, so a caller that stops on its <c>totalSize</c> spends no call on
    /// a page it will not read. Stopping early cancels the page in flight.
    /// </summary>
    private async IAsyncEnumerable<QueryPage<T>> StreamPagesAsync<T>(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        var page = includeDeleted
            ? await rest.QueryAllAsync<T>(soql, _queryOptions, ct).ConfigureAwait(false)
            : await rest.QueryAsync<T>(soql, _queryOptions, ct).ConfigureAwait(false);
        yield return page;

        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<QueryPage<T>>? next = null;
        try
        {
            while (!page.Done && !string.IsNullOrEmpty(page.NextRecordsUrl))
            {
                page = await (next ?? NextPageAsync<T>(page, prefetch.Token)).ConfigureAwait(false);
                next = page.Done || string.IsNullOrEmpty(page.NextRecordsUrl) ? null : NextPageAsync<T>(page, prefetch.Token);
                yield return page;
            }
        }
        finally
        {
            if (next is not null)
            {
                await prefetch.CancelAsync().ConfigureAwait(false);
                await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                    .ConfigureAwait(false);
            }
        }
    }

    private Task<QueryPage<T>> NextPageAsync<T>(QueryPage<T> page, CancellationToken ct) =>
        root.GetNextQueryPageAsync<T>(page.NextRecordsUrl!.TrimStart('/'), _queryOptions, ct);

    private async IAsyncEnumerable<T> StreamAsync<T>(string soql, bool includeDeleted, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in StreamPagesAsync<T>(soql, includeDeleted, ct).ConfigureAwait(false))
        {
            foreach (var record in page.Records)
            {
                yield return record;
            }
        }
    }

    /// <summary>ISO 8601 with an explicit offset, as the updated/deleted resources expect.</summary>
    private static string FormatWindow(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
}

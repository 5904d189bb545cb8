using System.Globalization;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Soql;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// GET /query?q= and /queryAll?q=, and the next pages at /query/{locator}-{offset}. The query
/// runs once; its rows are kept under the locator and each page renders a slice of them.
/// </summary>
internal static class QueryEndpoints
{
    public const int DefaultBatchSize = 2000;
    public const int MinBatchSize = 200;

    public static RouteGroupBuilder MapQueryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/query", (HttpContext context, SandboxState state) => Query(context, state, includeDeleted: false));
        api.MapGet("/queryAll", (HttpContext context, SandboxState state) => Query(context, state, includeDeleted: true));
        api.MapGet("/query/{locator}", NextPage);
        api.MapGet("/queryAll/{locator}", NextPage);
        return api;
    }

    private static IResult Query(HttpContext context, SandboxState state, bool includeDeleted)
    {
        var soql = context.Request.Query["q"].ToString();
        if (string.IsNullOrWhiteSpace(soql))
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "MALFORMED_QUERY", "A query string has to be specified");
        }
        QueryResult result;
        try
        {
            result = state.Org.Read(() => SoqlEvaluator.Run(state.Org, soql, includeDeleted));
        }
        catch (SoqlException e)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, e.ErrorCode, e.Message);
        }
        context.Items[ApiGateMiddleware.ObjectItem] = result.Table.Name;
        if (result.IsCount)
        {
            return SalesforceJson.Written(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("totalSize", result.TotalSize);
                w.WriteBoolean("done", true);
                w.WriteStartArray("records");
                w.WriteEndArray();
                w.WriteEndObject();
            });
        }
        var batchSize = BatchSize(context.Request.Headers["Sforce-Query-Options"].ToString());
        var locator = result.TotalSize > batchSize ? state.Cursors.Open(result, batchSize) : null;
        return Page(context, state, result, locator, 0, batchSize);
    }

    private static IResult NextPage(string locator, HttpContext context, SandboxState state)
    {
        var dash = locator.LastIndexOf('-');
        var cursor = dash > 0 ? state.Cursors.Find(locator[..dash]) : null;
        if (cursor is null || !int.TryParse(locator.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > cursor.Result.TotalSize)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        context.Items[ApiGateMiddleware.ObjectItem] = cursor.Result.Table.Name;
        return Page(context, state, cursor.Result, locator[..dash], offset, cursor.BatchSize);
    }

    private static IResult Page(HttpContext context, SandboxState state, QueryResult result, string? locator, int offset, int batchSize)
    {
        var version = ApiVersions.Of(context);
        var end = Math.Min(result.TotalSize, offset + batchSize);
        state.Stats.RowsServed(end - offset);
        return SalesforceJson.Streamed(state.Org.Lock, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("totalSize", result.TotalSize);
            w.WriteBoolean("done", end >= result.TotalSize);
            if (end < result.TotalSize)
            {
                w.WriteString("nextRecordsUrl", $"/services/data/v{version}/query/{locator}-{end}");
            }
            w.WriteStartArray("records");
            var urlPrefix = RecordJson.UrlPrefix(result.Table, version);
            for (var i = offset; i < end; i++)
            {
                RecordJson.Write(w, result.Table, result.Columns, result.Rows[i], urlPrefix);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Sforce-Query-Options: batchSize=N, a hint Salesforce holds to 200–2,000.</summary>
    private static int BatchSize(string header)
    {
        foreach (var option in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (option.StartsWith("batchSize=", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(option.AsSpan("batchSize=".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return Math.Clamp(size, MinBatchSize, DefaultBatchSize);
            }
        }
        return DefaultBatchSize;
    }
}

using System.Globalization;
using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// GET /sobjects/{Object}/updated/?start=&amp;end= and /deleted/?start=&amp;end=. Like Salesforce, the
/// range is cut to whole minutes and the deleted list only reaches back 15 days (the recycle bin);
/// CampaignMember deletes are hard and never listed.
/// </summary>
internal static class ChangesEndpoints
{
    public static RouteGroupBuilder MapChangesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sobjects/{objectName}/updated", Updated);
        api.MapGet("/sobjects/{objectName}/deleted", Deleted);
        return api;
    }

    private static IResult Updated(string objectName, HttpRequest request, SandboxState state) =>
        WithRange(objectName, request, state, (table, start, end, now) =>
        {
            var ids = new List<string>();
            for (var row = 0; row < table.Count; row++)
            {
                var stamp = table.SystemModstamp[row];
                if (stamp >= start && stamp < end && !table.IsDeleted[row])
                {
                    ids.Add(table.IdOf(row));
                }
            }
            return SalesforceJson.Json(new { ids, latestDateCovered = WireFormat.RestDateTime(Math.Min(end, Minute(now))) });
        });

    private static IResult Deleted(string objectName, HttpRequest request, SandboxState state) =>
        WithRange(objectName, request, state, (table, start, end, now) =>
        {
            var deletedRecords = table.DeletedBetween(start, end - 1, now)
                .Select(d => new { id = table.IdOf(d.Row), deletedDate = WireFormat.RestDateTime(d.DeletedAt) })
                .ToArray();
            return SalesforceJson.Json(new
            {
                deletedRecords,
                earliestDateAvailable = WireFormat.RestDateTime(Minute(now - (long)ObjectTable.RecycleBinRetention.TotalMilliseconds)),
                latestDateCovered = WireFormat.RestDateTime(Math.Min(end, Minute(now))),
            });
        });

    private static IResult WithRange(string objectName, HttpRequest request, SandboxState state, Func<ObjectTable, long, long, long, IResult> answer)
    {
        if (state.Org.Find(objectName) is not { } table)
        {
            return SalesforceJson.NotFound();
        }
        if (!TryInstant(request.Query["start"], out var start) || !TryInstant(request.Query["end"], out var end) || end < start)
        {
            return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALID_REPLICATION_DATE",
                "start and end must be ISO 8601 dates (e.g. 2026-11-01T00:00:00+00:00) with start before end");
        }
        return state.Org.Read(() => answer(table, Minute(start), Minute(end), state.Org.Clock.NowMillis));
    }

    private static bool TryInstant(string? text, out long millis)
    {
        millis = 0;
        if (!DateTimeOffset.TryParse(text?.Replace(" ", "+", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return false;
        }
        millis = instant.ToUnixTimeMilliseconds();
        return true;
    }

    private static long Minute(long millis) => millis - ((millis % 60_000) + 60_000) % 60_000;
}

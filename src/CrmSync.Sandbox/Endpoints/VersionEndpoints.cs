using System.Globalization;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>GET /services/data/ (versions), /services/data/vNN.0/ (resources) and /limits.</summary>
internal static class VersionEndpoints
{
    public static IEndpointRouteBuilder MapVersionEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/services/data", Versions);
        api.MapGet("/", (HttpContext context) => Resources(ApiVersions.Of(context)));
        api.MapGet("/limits", Limits);
        return app;
    }

    private static IResult Versions() =>
        SalesforceJson.Json(Enumerable.Range(ApiVersions.Oldest, ApiVersions.Latest - ApiVersions.Oldest + 1).Select(major =>
        {
            var version = major.ToString(CultureInfo.InvariantCulture) + ".0";
            return new { label = ApiVersions.Label(major), url = $"/services/data/v{version}", version };
        }).ToArray());

    private static IResult Resources(string version)
    {
        var root = $"/services/data/v{version}";
        return SalesforceJson.Json(new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["composite"] = root + "/composite",
            ["jobs"] = root + "/jobs",
            ["limits"] = root + "/limits",
            ["query"] = root + "/query",
            ["queryAll"] = root + "/queryAll",
            ["sobjects"] = root + "/sobjects",
        });
    }

    private static IResult Limits(SandboxState state)
    {
        var queryJobs = state.BulkJobs.All<Bulk.BulkQueryJob>().Count();
        return SalesforceJson.Json(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["DailyApiRequests"] = new { Max = (long)state.Usage.DailyLimit, Remaining = state.Usage.Remaining },
            ["DailyBulkApiBatches"] = new { Max = 15000, Remaining = 15000 },
            ["DailyBulkV2QueryFileStorageMB"] = new { Max = 976562, Remaining = 976562 },
            ["DailyBulkV2QueryJobs"] = new { Max = 10000, Remaining = 10000 - queryJobs },
            ["DataStorageMB"] = new { Max = 1024, Remaining = 1024 },
            ["FileStorageMB"] = new { Max = 1024, Remaining = 1024 },
        });
    }
}

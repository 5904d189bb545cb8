using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Endpoints;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSync.Sandbox;

internal static class SandboxEndpoints
{
    /// <summary>The whole sandbox surface: gate, OAuth, versioned REST and Bulk API, test controls.</summary>
    public static WebApplication MapSandbox(this WebApplication app)
    {
        // Outermost, so a truncation fault cuts the JSON itself and the client sees a valid gzip of a broken body.
        if (app.Services.GetRequiredService<SandboxState>().Settings.CompressResponses)
        {
            app.UseResponseCompression();
        }
        app.UseRouting();
        app.UseMiddleware<ApiGateMiddleware>();
        app.MapOAuthEndpoints();
        var api = app.MapGroup("/services/data/v{version}").AddEndpointFilter(ApiVersions.RequireSupported);
        app.MapVersionEndpoints(api);
        api.MapDescribeEndpoints();
        api.MapQueryEndpoints();
        api.MapRecordEndpoints();
        api.MapCollectionEndpoints();
        api.MapCompositeEndpoints();
        api.MapChangesEndpoints();
        api.MapBulkQueryEndpoints();
        api.MapBulkIngestEndpoints();
        app.MapControlEndpoints();
        app.MapFallback((HttpContext _) => SalesforceJson.NotFound());
        return app;
    }
}

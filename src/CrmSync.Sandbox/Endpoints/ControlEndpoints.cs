using System.Globalization;
using CrmSync.Sandbox.Faults;
using CrmSync.Sandbox.Generation;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// Test controls under /__sandbox/ (never used by production code, not counted against the
/// API limit): POST advance?days=N, GET stats, GET/PUT/DELETE faults (DELETE also restores deleted fields and removed permissions).
/// </summary>
internal static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var controls = app.MapGroup("/__sandbox");
        controls.MapPost("/advance", (HttpRequest request, SandboxState state) =>
        {
            if (!int.TryParse(request.Query["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
            {
                return SalesforceJson.Json(new { error = "days must be a whole number from 1 to 3650" }, StatusCodes.Status400BadRequest);
            }
            var written = state.Org.Write(() => new OrgAdvancer(state).Advance(days));
            return SalesforceJson.Json(new { daysAdvanced = state.DaysAdvanced, now = WireFormat.RestDateTime(state.Org.Clock.Now), recordsWritten = written });
        });
        controls.MapGet("/stats", Stats);
        controls.MapGet("/truth", Truth);
        controls.MapGet("/faults", (SandboxState state) => SalesforceJson.Json(new { spec = state.Faults.Spec.ToString(), syntax = FaultSpec.Syntax }));
        controls.MapPut("/faults", async (HttpRequest request, SandboxState state) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            try
            {
                state.Faults.Install(FaultSpec.Parse(text.Trim().Trim('"')), state.Usage.Used);
            }
            catch (FormatException e)
            {
                return SalesforceJson.Json(new { error = e.Message }, StatusCodes.Status400BadRequest);
            }
            return SalesforceJson.Json(new { spec = state.Faults.Spec.ToString() });
        });
        controls.MapDelete("/faults", (SandboxState state) =>
        {
            state.Faults.Install(FaultSpec.None, state.Usage.Used);
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>
    /// Each account's hidden draws (CSV): what a CLV model should recover. MeanDealValue is the
    /// Gamma-Gamma conditional mean p/ν; Alive is the state after the last generated day.
    /// </summary>
    private static IResult Truth(SandboxState state)
    {
        var population = state.Population;
        var accounts = state.Org["Account"];
        var csv = new System.Text.StringBuilder("AccountId,Customer,Alive,PurchaseRatePerWeek,DropOutProbability,SpendRate,MeanDealValue\n");
        state.Org.Read(() =>
        {
            for (var a = 0; a < population.Count; a++)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{accounts.IdOf(a)},{Flag(population.Customer[a])},{Flag(population.Alive[a])},{population.PurchaseRatePerWeek[a]:R},{population.DropOut[a]:R},{population.SpendRate[a]:R},{state.Btyd.P / population.SpendRate[a]:R}\n");
            }
            return 0;
        });
        return Results.Text(csv.ToString(), "text/csv");
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static IResult Stats(SandboxState state)
    {
        var btyd = state.Btyd;
        var counts = state.Org.Read(() => state.Org.Tables.ToDictionary(t => t.Name, t => t.Count));
        return SalesforceJson.Json(new
        {
            seed = state.Settings.Seed,
            accounts = state.Settings.Accounts,
            asOf = WireFormat.RestDateTime(state.Settings.EffectiveAsOf),
            now = WireFormat.RestDateTime(state.Org.Clock.Now),
            daysAdvanced = state.DaysAdvanced,
            generationSeconds = Math.Round(state.GenerationTime.TotalSeconds, 3),
            bgnbd = new { r = btyd.R, alpha = btyd.Alpha, a = btyd.A, b = btyd.B, timeUnit = "week" },
            gammaGamma = new { p = btyd.P, q = btyd.Q, gamma = btyd.Gamma },
            objects = counts,
            apiUsage = new { used = state.Usage.Used, max = state.Usage.DailyLimit },
            usage = state.Stats.Snapshot(),
            faults = state.Faults.Spec.ToString(),
        });
    }
}

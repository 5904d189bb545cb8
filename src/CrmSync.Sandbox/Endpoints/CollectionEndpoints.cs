using System.Text.Json;
using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Wire;
using CrmSync.Sandbox.Writes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>
/// sObject Collections: POST (create), PATCH (update), DELETE and PATCH /{Object}/{ExtIdField}
/// (upsert) of up to 200 records. Always 200 once the request is well formed, one SaveResult per
/// record in order; with allOrNone nothing is saved when any record fails.
/// </summary>
internal static class CollectionEndpoints
{
    public const int MaxRecords = 200;

    private enum Operation
    {
        Create,
        Update,
        Upsert,
    }

    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/composite/sobjects", (HttpRequest request, SandboxState state) => Save(request, state, Operation.Create, null, null));
        api.MapPatch("/composite/sobjects", (HttpRequest request, SandboxState state) => Save(request, state, Operation.Update, null, null));
        api.MapPatch("/composite/sobjects/{objectName}/{field}", (string objectName, string field, HttpRequest request, SandboxState state) =>
            Save(request, state, Operation.Upsert, objectName, field));
        api.MapDelete("/composite/sobjects", (HttpRequest request, SandboxState state) =>
        {
            var ids = request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length > MaxRecords)
            {
                return TooMany();
            }
            var allOrNone = bool.TryParse(request.Query["allOrNone"], out var flag) && flag;
            var saver = new RecordSaver(state);
            var results = state.Org.Write(() =>
            {
                if (allOrNone && ids.Any(id => state.Org.FindByIdPrefix(id)?.FindRow(id, false, state.Org.Clock.NowMillis) is null or < 0))
                {
                    return ids.Select(id => state.Org.FindByIdPrefix(id)?.FindRow(id, false, state.Org.Clock.NowMillis) is >= 0
                        ? SaveResult.Failed(id, WriteError.RolledBack)
                        : SaveResult.Failed(id, WriteError.UnknownId)).ToArray();
                }
                return ids.Select(saver.Delete).ToArray();
            });
            return SalesforceJson.Json(results.Select(r => r.ToJson()).ToArray());
        });
        return api;
    }

    private static Task<IResult> Save(HttpRequest request, SandboxState state, Operation operation, string? objectName, string? keyField) => RequestBodies.Guard(async () =>
    {
        var body = (await RequestBodies.ReadJsonAsync(request))!.Value;
        var records = body.TryGetProperty("records", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToArray() : [];
        if (records.Length > MaxRecords)
        {
            return TooMany();
        }
        var allOrNone = body.TryGetProperty("allOrNone", out var flag) && flag.ValueKind == JsonValueKind.True;
        var tables = records.Select(r => TableOf(state.Org, r, objectName)).ToArray();
        if (operation == Operation.Upsert && tables.FirstOrDefault()?.Definition.Find(keyField!) is not { ExternalId: true } and not { Type: FieldType.Id })
        {
            return SalesforceJson.Error(StatusCodes.Status404NotFound, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {keyField}");
        }
        if (objectName is not null)
        {
            request.HttpContext.Items[ApiGateMiddleware.ObjectItem] = tables.FirstOrDefault()?.Name;
        }
        var saver = new RecordSaver(state);
        var results = state.Org.Write(() =>
        {
            PreparedWrite Prepare(int i) => operation switch
            {
                Operation.Create => saver.PrepareInsert(tables[i], FieldChanges.FromJson(records[i])),
                Operation.Update => saver.PrepareUpdate(tables[i], IdOf(records[i]), FieldChanges.FromJson(records[i])),
                _ => saver.PrepareUpsert(tables[i], keyField!, KeyOf(records[i], keyField!), FieldChanges.FromJson(records[i])),
            };
            if (!allOrNone)
            {
                return Enumerable.Range(0, records.Length).Select(i => saver.Apply(Prepare(i), operation == Operation.Upsert)).ToArray();
            }
            var prepared = Enumerable.Range(0, records.Length).Select(Prepare).ToArray();
            if (prepared.All(p => p.Valid))
            {
                return prepared.Select(p => saver.Apply(p, operation == Operation.Upsert)).ToArray();
            }
            return prepared.Select(p => p.Valid ? SaveResult.Failed(p.Id, WriteError.RolledBack) : SaveResult.Failed(p.Id, [.. p.Errors])).ToArray();
        });
        return SalesforceJson.Json(results.Select(r => r.ToJson()).ToArray());
    });

    private static ObjectTable TableOf(OrgStore org, JsonElement record, string? objectName)
    {
        var type = objectName
            ?? (record.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("type", out var t) ? t.GetString() : null)
            ?? throw new RequestRejectedException("INVALID_TYPE", "Must send a concrete entity type.");
        return org.Find(type) ?? throw new RequestRejectedException("INVALID_TYPE", $"sObject type '{type}' is not supported.");
    }

    private static string IdOf(JsonElement record) =>
        record.EnumerateObject().FirstOrDefault(p => p.Name.Equals("Id", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } id
            ? id.GetString()!
            : "";

    private static string KeyOf(JsonElement record, string keyField) =>
        record.EnumerateObject().FirstOrDefault(p => p.Name.Equals(keyField, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } key
            ? key.GetString()!
            : throw new RequestRejectedException("INVALID_FIELD", $"Upsert requires a value for {keyField} on every record");

    private static IResult TooMany() =>
        SalesforceJson.Error(StatusCodes.Status400BadRequest, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
}

using CrmSync.Sandbox.Auth;
using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Wire;
using CrmSync.Sandbox.Writes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>Single records: GET/PATCH/DELETE /sobjects/{Object}/{Id}, POST /sobjects/{Object}, upsert PATCH /sobjects/{Object}/{Field}/{Value}.</summary>
internal static class RecordEndpoints
{
    public static RouteGroupBuilder MapRecordEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sobjects/{objectName}/{id}", Get);
        api.MapPost("/sobjects/{objectName}", (string objectName, HttpRequest request, SandboxState state) => RequestBodies.Guard(async () =>
        {
            var body = await RequestBodies.ReadJsonAsync(request);
            if (state.Org.Find(objectName) is not { } table)
            {
                return SalesforceJson.NotFound();
            }
            var saver = new RecordSaver(state);
            var result = state.Org.Write(() => saver.Apply(saver.PrepareInsert(table, FieldChanges.FromJson(body!.Value))));
            return result.Success ? SalesforceJson.Json(result.ToJson(), StatusCodes.Status201Created) : Failure(result);
        }));
        api.MapPatch("/sobjects/{objectName}/{id}", (string objectName, string id, HttpRequest request, SandboxState state) => RequestBodies.Guard(async () =>
        {
            var body = await RequestBodies.ReadJsonAsync(request);
            if (state.Org.Find(objectName) is not { } table)
            {
                return SalesforceJson.NotFound();
            }
            var saver = new RecordSaver(state);
            var result = state.Org.Write(() => saver.Apply(saver.PrepareUpdate(table, id, FieldChanges.FromJson(body!.Value))));
            return result.Success ? Results.NoContent() : Failure(result);
        }));
        api.MapPatch("/sobjects/{objectName}/{field}/{value}", Upsert);
        api.MapDelete("/sobjects/{objectName}/{id}", (string objectName, string id, SandboxState state) =>
        {
            if (state.Org.Find(objectName) is null)
            {
                return SalesforceJson.NotFound();
            }
            var result = state.Org.Write(() => new RecordSaver(state).Delete(id));
            return result.Success ? Results.NoContent() : Failure(result);
        });
        return api;
    }

    private static IResult Get(string objectName, string id, HttpContext context, SandboxState state)
    {
        if (state.Org.Find(objectName) is not { } table)
        {
            return SalesforceJson.NotFound();
        }
        var requested = context.Request.Query["fields"].ToString();
        var columns = new List<Column>();
        foreach (var name in requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (table.FindColumn(name) is not { } column)
            {
                return SalesforceJson.Error(StatusCodes.Status400BadRequest, "INVALID_FIELD", $"No such column '{name}' on sobject of type {table.Name}");
            }
            columns.Add(column);
        }
        var version = ApiVersions.Of(context);
        return state.Org.Read(() =>
        {
            var row = table.FindRow(id, includeDeleted: false, state.Org.Clock.NowMillis);
            if (row < 0)
            {
                return SalesforceJson.NotFound();
            }
            state.Stats.RowsServed(1);
            return SalesforceJson.Written(w => RecordJson.Write(w, table, columns.Count > 0 ? columns : table.Columns, row, RecordJson.UrlPrefix(table, version)));
        });
    }

    private static Task<IResult> Upsert(string objectName, string field, string value, HttpRequest request, SandboxState state) => RequestBodies.Guard(async () =>
    {
        var body = await RequestBodies.ReadJsonAsync(request);
        if (state.Org.Find(objectName) is not { } table)
        {
            return SalesforceJson.NotFound();
        }
        if (table.Definition.Find(field) is not { } key || !(key.ExternalId || key.Type == FieldType.Id))
        {
            return SalesforceJson.Error(StatusCodes.Status404NotFound, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {field}");
        }
        request.HttpContext.Items[ApiGateMiddleware.ObjectItem] = table.Name;
        var saver = new RecordSaver(state);
        var result = state.Org.Write(() => saver.Apply(saver.PrepareUpsert(table, key.Name, value, FieldChanges.FromJson(body!.Value)), upsert: true));
        if (!result.Success)
        {
            return Failure(result);
        }
        return SalesforceJson.Json(result.ToJson(), result.Created == true ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    });

    private static IResult Failure(SaveResult result)
    {
        var status = result.Errors[0].StatusCode is "ENTITY_IS_DELETED" or "INVALID_CROSS_REFERENCE_KEY" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        if (status == StatusCodes.Status404NotFound)
        {
            return SalesforceJson.NotFound();
        }
        return SalesforceJson.Json(result.Errors.Select(e => SalesforceJson.ErrorBody(e.StatusCode, e.Message, e.Fields)).ToArray(), status);
    }
}

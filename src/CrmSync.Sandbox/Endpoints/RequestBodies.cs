using System.Text.Json;
using CrmSync.Sandbox.Writes;
using Microsoft.AspNetCore.Http;

namespace CrmSync.Sandbox.Endpoints;

internal static class RequestBodies
{
    /// <summary>The JSON body, or null when it does not parse (Salesforce: 400 JSON_PARSER_ERROR).</summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException("JSON_PARSER_ERROR", $"Unexpected character in the request body: {e.Message}");
        }
    }

    /// <summary>Turns a whole-request rejection into Salesforce's 400 error array.</summary>
    public static async Task<IResult> Guard(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (RequestRejectedException e)
        {
            return Wire.SalesforceJson.Error(StatusCodes.Status400BadRequest, e.ErrorCode, e.Message);
        }
    }
}

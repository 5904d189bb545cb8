using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>GET /sobjects (describe global), /sobjects/{Object} (basic info) and /sobjects/{Object}/describe.</summary>
internal static class DescribeEndpoints
{
    public static RouteGroupBuilder MapDescribeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/sobjects", (HttpContext context, SandboxState state) => SalesforceJson.Json(new
        {
            encoding = "UTF-8",
            maxBatchSize = 200,
            sobjects = state.Org.VisibleTables.Select(t => Summary(t.Definition, ApiVersions.Of(context))).ToArray(),
        }));
        api.MapGet("/sobjects/{objectName}", (string objectName, HttpContext context, SandboxState state) =>
            state.Org.Find(objectName) is { } table
                ? SalesforceJson.Json(new { objectDescribe = Summary(table.Definition, ApiVersions.Of(context)), recentItems = Array.Empty<object>() })
                : SalesforceJson.NotFound());
        api.MapGet("/sobjects/{objectName}/describe", (string objectName, HttpContext context, SandboxState state) =>
            state.Org.Find(objectName) is { } table ? SalesforceJson.Json(Describe(table, ApiVersions.Of(context))) : SalesforceJson.NotFound());
        return api;
    }

    private static Dictionary<string, object?> Summary(ObjectDefinition o, string version)
    {
        var root = $"/services/data/v{version}/sobjects/{o.Name}";
        return new Dictionary<string, object?>
        {
            ["activateable"] = false,
            ["createable"] = o.Createable,
            ["custom"] = o.Custom,
            ["customSetting"] = false,
            ["deletable"] = true,
            ["deprecatedAndHidden"] = false,
            ["feedEnabled"] = false,
            ["keyPrefix"] = o.KeyPrefix,
            ["label"] = o.Label,
            ["labelPlural"] = o.LabelPlural,
            ["layoutable"] = true,
            ["mergeable"] = false,
            ["mruEnabled"] = false,
            ["name"] = o.Name,
            ["queryable"] = true,
            ["replicateable"] = true,
            ["retrieveable"] = true,
            ["searchable"] = true,
            ["triggerable"] = true,
            ["undeletable"] = true,
            ["updateable"] = o.Updateable,
            ["urls"] = new Dictionary<string, string>
            {
                ["sobject"] = root,
                ["describe"] = root + "/describe",
                ["rowTemplate"] = root + "/{ID}",
            },
        };
    }

    private static Dictionary<string, object?> Describe(ObjectTable table, string version)
    {
        var o = table.Definition;
        var describe = Summary(o, version);
        describe["childRelationships"] = Array.Empty<object>();
        describe["fields"] = o.Fields
            .Where(f => table.Access.CanRead(f.Name))
            .Select(f => Field(table.Access.CanEdit(f.Name) ? f : f with { Createable = false, Updateable = false }))
            .ToArray();
        describe["recordTypeInfos"] = Array.Empty<object>();
        return describe;
    }

    private static Dictionary<string, object?> Field(FieldDefinition f) => new()
    {
        ["aggregatable"] = f.Type is not (FieldType.TextArea or FieldType.Boolean),
        ["autoNumber"] = f.Name == "Name" && !f.Createable,
        ["byteLength"] = f.Type is FieldType.Id or FieldType.Reference ? 18 : f.IsTextual ? f.Length * 3 : 0,
        ["calculated"] = false,
        ["caseSensitive"] = false,
        ["createable"] = f.Createable,
        ["custom"] = f.Custom,
        ["defaultValue"] = f.Type == FieldType.Boolean ? false : null,
        ["defaultedOnCreate"] = f.Type == FieldType.Boolean || f.Type == FieldType.Id || f.Name is "CreatedDate" or "LastModifiedDate" or "SystemModstamp",
        ["digits"] = 0,
        ["externalId"] = f.ExternalId,
        ["filterable"] = f.Type != FieldType.TextArea,
        ["groupable"] = f.Type is not (FieldType.Double or FieldType.Currency or FieldType.Percent or FieldType.DateTime or FieldType.TextArea),
        ["idLookup"] = f.Type == FieldType.Id || f.ExternalId,
        ["label"] = f.Label,
        ["length"] = f.Type is FieldType.Id or FieldType.Reference ? 18 : f.IsTextual ? f.Length : 0,
        ["name"] = f.Name,
        ["nameField"] = f.Name == "Name",
        ["nillable"] = f.Nillable,
        ["picklistValues"] = f.PicklistValues.Select(v => new { active = true, defaultValue = false, label = v, validFor = (string?)null, value = v }).ToArray(),
        ["polymorphicForeignKey"] = f.ReferenceTo.Count > 1,
        ["precision"] = f.Precision,
        ["referenceTo"] = f.ReferenceTo,
        ["relationshipName"] = f.RelationshipName,
        ["restrictedPicklist"] = f.RestrictedPicklist,
        ["scale"] = f.Scale,
        ["soapType"] = f.Type switch
        {
            FieldType.Id or FieldType.Reference => "tns:ID",
            FieldType.Boolean => "xsd:boolean",
            FieldType.Double or FieldType.Currency or FieldType.Percent => "xsd:double",
            FieldType.Date => "xsd:date",
            FieldType.DateTime => "xsd:dateTime",
            _ => "xsd:string",
        },
        ["sortable"] = f.Type != FieldType.TextArea,
        ["type"] = f.Type.ToString().ToLowerInvariant(),
        ["unique"] = f.Unique,
        ["updateable"] = f.Updateable,
    };
}

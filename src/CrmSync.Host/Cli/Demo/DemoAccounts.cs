using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Sync.Mappings;
using Spectre.Console;

namespace CrmSync.Host.Cli.Demo;

/// <summary>A few accounts with their KPIs and CLV, read back from Salesforce (the sandbox) as a user there sees them.</summary>
internal static class DemoAccounts
{
    /// <summary>The results shown, in this order, when the account target maps them.</summary>
    private static readonly string[] Shown =
        ["win_rate", "engagement_score", "clv_historical", "clv_predicted", "p_alive", "clv_tier", "next_best_action"];

    public static async Task WriteAsync(IAnsiConsole console, ISalesforceClient salesforce, MappingSet mappings, int count, CancellationToken cancellationToken)
    {
        var target = mappings.Targets.FirstOrDefault(t => t.Target == "account");
        var fields = Shown
            .Select(logical => target?.Fields.FirstOrDefault(f => f.Logical == logical))
            .OfType<FieldMapping>()
            .ToList();
        var predicted = fields.FirstOrDefault(f => f.Logical == "clv_predicted");
        if (target is null || fields.Count == 0)
        {
            console.MarkupLine("[yellow]The account write-back target is not mapped: no KPI fields to show.[/]");
            return;
        }

        var order = predicted is null ? string.Empty : $" WHERE {predicted.ApiName} != null ORDER BY {predicted.ApiName} DESC";
        var soql = $"SELECT Id, Name, {string.Join(", ", fields.Select(f => f.ApiName))} FROM {target.ObjectName}{order} LIMIT {count}";
        var table = new Table().AddColumns(["Account", .. fields.Select(f => f.Logical)]);
        await foreach (var record in salesforce.QueryAsync<JsonElement>(soql, cancellationToken))
        {
            table.AddRow([Markup.Escape(Text(record, "Name")), .. fields.Select(f => Markup.Escape(Text(record, f.ApiName)))]);
        }

        console.MarkupLineInterpolated($"Accounts with the highest predicted CLV, as Salesforce now shows them ({target.ObjectName}, read back with: {soql}):");
        console.Write(table);
    }

    private static string Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => "–",
            JsonValueKind.Number => value.GetDouble().ToString("#,0.##", CultureInfo.InvariantCulture),
            _ => value.ToString(),
        } : "–";
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Limits;
using CrmSync.Salesforce.Rest;

namespace CrmSync.Host.Cli;

/// <summary><c>sf query|describe|limits</c>: admin tools over the configured org (section <c>Salesforce</c>).</summary>
internal static class SfCommand
{
    public static Command Create() => new("sf", "Admin tools over the configured Salesforce org (Salesforce:* settings).")
    {
        QueryCommand(),
        DescribeCommand(),
        LimitsCommand(),
    };

    private static Command QueryCommand()
    {
        var soql = new Argument<string>("soql") { Description = "The SOQL query, e.g. \"SELECT Id, Amount, CloseDate FROM Opportunity\"." };
        var all = new Option<bool>("--all") { Description = "Include deleted and archived rows (queryAll)." };
        var bulk = new Option<bool>("--bulk") { Description = "Run as a Bulk API 2.0 query job (values are printed as the CSV text Salesforce returns)." };
        var command = new Command("query", "Run a SOQL query and print one JSON object per record, streaming.") { soql, all, bulk };
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(parse);
            await using var printer = RecordPrinter.For(parse.InvocationConfiguration.Output);
            var text = parse.GetRequiredValue(soql);
            var includeDeleted = parse.GetValue(all);
            if (parse.GetValue(bulk))
            {
                await foreach (var row in host.Services.GetRequiredService<IBulkQueries>().QueryAsync(text, includeDeleted, ct))
                {
                    await printer.WriteAsync(row, ct);
                }
            }
            else
            {
                var client = host.Services.GetRequiredService<ISalesforceClient>();
                var rows = includeDeleted ? client.QueryAllAsync<JsonElement>(text, ct) : client.QueryAsync<JsonElement>(text, ct);
                await foreach (var row in rows)
                {
                    await printer.WriteAsync(row, ct);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command DescribeCommand()
    {
        var objectName = new Argument<string>("object") { Description = "The object's API name, e.g. Account or Invoice__c." };
        var command = new Command("describe", "Show an object's fields: type, size, and whether CrmSync can write them.") { objectName };
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(parse);
            var describe = await host.Services.GetRequiredService<ISalesforceClient>().DescribeAsync(parse.GetRequiredValue(objectName), ct);
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{describe.Name} ({describe.Label}), key prefix {describe.KeyPrefix}, {describe.Fields.Count} fields");
            var width = describe.Fields.Max(f => f.Name.Length);
            foreach (var field in describe.Fields.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {field.Name.PadRight(width)}  {Size(field),-22} {Flags(field)}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command LimitsCommand()
    {
        var command = new Command("limits", "Show the org's limits and how much of the daily API budget CrmSync may use.");
        command.SetAction(async (parse, ct) =>
        {
            using var host = BuildHost(parse);
            var limits = await host.Services.GetRequiredService<ISalesforceClient>().GetLimitsAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            var width = limits.Keys.Max(k => k.Length);
            foreach (var (name, limit) in limits.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{name.PadRight(width)}  {limit.Remaining,12} of {limit.Max,12} remaining"));
            }

            var budget = host.Services.GetRequiredService<IApiBudget>().Snapshot;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"API budget: {budget.Used} of {budget.DailyLimit} calls used in the last 24 h; CrmSync stops at {budget.AllowedCalls} (Salesforce:DailyApiShare = {budget.DailyApiShare})."));
            return ExitCodes.Success;
        });
        return command;
    }

    private static IHost BuildHost(ParseResult parse)
    {
        var builder = VerbHost.CreateBuilder(parse);
        builder.Services.AddSalesforce();
        return VerbHost.BuildValidated(builder);
    }

    private static string Size(FieldDescribe field) => field.Type switch
    {
        "double" or "currency" or "percent" or "int" => $"{field.Type}({field.Precision},{field.Scale})",
        "string" or "textarea" or "picklist" or "multipicklist" or "email" or "phone" or "url" => $"{field.Type}({field.Length})",
        "reference" => $"reference({string.Join('|', field.ReferenceTo ?? [])})",
        _ => field.Type,
    };

    private static string Flags(FieldDescribe field) => string.Join(' ', new[]
    {
        field.Updateable ? "updateable" : null,
        field.Createable ? "createable" : null,
        field.Calculated ? "calculated" : null,
        field.Nillable ? "nillable" : null,
        field.ExternalId ? "external-id" : null,
    }.OfType<string>());
}

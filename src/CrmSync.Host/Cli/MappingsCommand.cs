using System.CommandLine;
using CrmSync.Salesforce;
using CrmSync.Sync.Mappings;

namespace CrmSync.Host.Cli;

/// <summary><c>mappings validate [--against-org]</c>: checks the admin's mapping files.</summary>
internal static class MappingsCommand
{
    private static readonly Option<bool> AgainstOrg = new("--against-org")
    {
        Description = "Also check objects, fields, types and write permissions in the configured Salesforce org (Salesforce:* settings).",
    };

    private static readonly Option<string?> Path = new("--path")
    {
        Description = "Folder of the mapping files (default: Sync:MappingsPath, i.e. mappings/).",
    };

    public static Command Create()
    {
        var validate = new Command("validate", "Check every mapping file; each problem is printed as file:line:column with what to do. Exit 2 when there are errors.")
        {
            AgainstOrg,
            Path,
        };
        validate.SetAction(ValidateAsync);
        return new Command("mappings", "The field mappings admins edit (files in mappings/).") { validate };
    }

    private static async Task<int> ValidateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var builder = VerbHost.CreateBuilder(parse);
        var against = parse.GetValue(AgainstOrg);
        if (against)
        {
            builder.Services.AddSalesforce();
        }

        using var host = VerbHost.BuildValidated(builder);
        var folder = parse.GetValue(Path) is { } path
            ? System.IO.Path.GetFullPath(path)
            : VerbHost.MappingsFolder(host.Services.GetRequiredService<IConfiguration>());
        var mappings = MappingLoader.LoadFolder(folder);
        var problems = mappings.Problems.ToList();
        if (against && !mappings.HasErrors)
        {
            problems.AddRange(await new OrgSchemaReader(host.Services.GetRequiredService<Salesforce.Rest.ISalesforceClient>()).CheckAsync(mappings, cancellationToken));
        }

        var output = parse.InvocationConfiguration.Output;
        foreach (var problem in problems.OrderBy(p => p.Location.File, StringComparer.Ordinal).ThenBy(p => p.Location.Line))
        {
            await output.WriteLineAsync(problem.ToString());
        }

        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = problems.Count - errors;
        await output.WriteLineAsync(
            $"{mappings.Sources.Count} sources and {mappings.Targets.Count} targets checked{(against ? " against the org" : string.Empty)}: " +
            $"{errors} error(s), {warnings} warning(s).{(errors > 0 ? " Nothing will be pulled until the errors are fixed." : string.Empty)}");
        return errors > 0 ? ExitCodes.BadUsageOrConfiguration : ExitCodes.Success;
    }
}

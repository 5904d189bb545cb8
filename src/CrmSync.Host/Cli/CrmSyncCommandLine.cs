using System.CommandLine;
using CrmSync.Store.Migrations;
using CrmSync.Store.Postgres;
using Microsoft.Extensions.Options;

namespace CrmSync.Host.Cli;

/// <summary>The <c>crmsync</c> command line: verbs, parsing, and the exit-code contract.</summary>
public static class CrmSyncCommandLine
{
    public static RootCommand Create() => new("CrmSync: Salesforce data → PostgreSQL → customer KPIs and CLV → back to Salesforce.")
    {
        GlobalOptions.Set,
        GlobalOptions.Org,
        DbCommand.Create(),
        ServeCommand.Create(),
        SfCommand.Create(),
        SandboxCommand.Create(),
        MappingsCommand.Create(),
        SyncCommand.Create(),
        ComputeCommand.Create(),
        KpiCommand.Create(),
        ClvCommand.Create(),
        WriteBackCommand.Create(),
        RunCommand.Create(),
        Demo.DemoCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message);
            }

            await error.WriteLineAsync("Run './crmsync --help' (or './crmsync <verb> --help') for usage.");
            return ExitCodes.BadUsageOrConfiguration;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e) when (ExitCodeFor(e) is var (code, message))
        {
            await error.WriteLineAsync(message);
            return code;
        }
    }

    /// <summary>Known failures become one clear line; anything else is a failure with its message.</summary>
    internal static (int Code, string Message) ExitCodeFor(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => ExitCodeFor(aggregate.InnerExceptions[0]),
        OptionsValidationException invalid => (ExitCodes.BadUsageOrConfiguration, "Configuration error: " + string.Join(Environment.NewLine + "Configuration error: ", invalid.Failures)),
        PostgresNotInstalledException missing => (ExitCodes.BadUsageOrConfiguration, missing.Message),
        Sync.Mappings.MappingsInvalidException invalid => (ExitCodes.BadUsageOrConfiguration, invalid.Message),
        OperationCanceledException => (ExitCodes.Failed, "Interrupted."),
        Salesforce.Limits.ApiBudgetExceededException budget => (ExitCodes.Failed, $"Stopped by the API budget: {budget.Message} Nothing half-done was kept; a later run continues once calls are available."),
        MigrationException or EmbeddedPostgresException => (ExitCodes.Failed, "Error: " + exception.Message),
        _ => (ExitCodes.Failed, $"Error: {exception.GetType().Name}: {exception.Message}"),
    };
}

using System.CommandLine;
using CrmSync.Host.Pipeline;
using CrmSync.Host.Web;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;
using Hangfire;
using Spectre.Console;

namespace CrmSync.Host.Cli.Demo;

/// <summary>
/// <c>demo [--no-serve]</c>: the built-in Salesforce sandbox, a fresh demo database and the server, one pipeline
/// run through Hangfire as in production, the results as Salesforce shows them, then a second run that finds
/// nothing to write. Keeps serving the dashboard until Ctrl+C unless <c>--no-serve</c>.
/// </summary>
internal static class DemoCommand
{
    private const int SampleAccounts = 5;

    private static readonly Option<bool> NoServe = new("--no-serve") { Description = "Exit after the pipeline runs instead of serving the dashboard." };

    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where the dashboard listens.",
        DefaultValueFactory = _ => ServeCommand.DefaultUrls,
    };

    private static readonly Option<int> Accounts = new("--accounts")
    {
        Description = "Accounts in the sandbox org (each with ~10 opportunities and the records the KPIs need).",
        DefaultValueFactory = _ => 2000,
    };

    private static readonly Option<int> SandboxPort = new("--sandbox-port")
    {
        Description = "Port of the sandbox (0 picks a free one).",
        DefaultValueFactory = _ => 0,
    };

    public static Command Create()
    {
        var command = new Command("demo", "See CrmSync work end to end against the built-in Salesforce sandbox: sync, KPIs and CLV, write-back, dashboard.")
        {
            NoServe, Urls, Accounts, SandboxPort,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Accounts) is < 1 or > 200_000)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"--accounts must be between 1 and 200000 (was {parse.GetValue(Accounts)}).");
            return ExitCodes.BadUsageOrConfiguration;
        }

        if (await VerbHost.LoadValidMappingsAsync(parse, "the demo did not start") is not { } mappings)
        {
            return ExitCodes.BadUsageOrConfiguration;
        }

        var console = CliConsole.For(parse.InvocationConfiguration.Output);
        var today = DateTimeOffset.UtcNow.UtcDateTime.Date;
        console.MarkupLineInterpolated($"Starting the Salesforce sandbox ({parse.GetValue(Accounts):N0} accounts, its today = {today:yyyy-MM-dd})…");
        await using var sandbox = await SandboxServer.StartAsync(
            new SandboxSettings { Port = parse.GetValue(SandboxPort), Seed = 7, Accounts = parse.GetValue(Accounts), AsOf = new DateTimeOffset(today, TimeSpan.Zero) },
            cancellationToken);

        console.MarkupLine($"Preparing the demo database ({DemoDatabase.Name}, on the embedded PostgreSQL unless ConnectionStrings:CrmSync is set)…");
        var settings = GlobalOptions.SettingsFrom(parse).ToList();
        var connectionString = await DemoDatabase.RecreateAsync(settings, cancellationToken);
        await using var app = await CrmSyncWebApplication.BuildAsync(
            DemoSettings(sandbox.BaseUri, connectionString, settings), parse.GetRequiredValue(Urls), cancellationToken);
        await app.StartAsync(cancellationToken);
        var dashboard = $"{app.Urls.First()}{Dashboard.DashboardEndpoints.Path}";

        var first = await RunPipelineAsync(app.Services, console, "first", cancellationToken);
        await DemoAccounts.WriteAsync(console, app.Services.GetRequiredService<ISalesforceClient>(), mappings, SampleAccounts, cancellationToken);
        var second = await RunPipelineAsync(app.Services, console, "second", cancellationToken);

        console.WriteLine();
        console.MarkupLineInterpolated($"Dashboard: [link]{dashboard}/crmsync[/] (Hangfire jobs at {dashboard}); health at {app.Urls.First()}/health/ready.");
        console.MarkupLine("To point CrmSync at your own org: deploy the fields in deploy/salesforce, set Salesforce:LoginUrl, Salesforce:AuthFlow");
        console.MarkupLine("and its credentials (environment variables CRMSYNC_Salesforce__…, see README 'Configuration'), then run './crmsync run' or './crmsync serve'.");
        var succeeded = first.Status == PipelineStatus.Succeeded && second.Status == PipelineStatus.Succeeded;
        if (parse.GetValue(NoServe) || !succeeded)
        {
            return succeeded ? ExitCodes.Success : ExitCodes.Failed;
        }

        console.MarkupLine("Serving the dashboard and the sandbox until Ctrl+C.");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>Starts a pipeline through Hangfire, as the dashboard's button does, and reports its steps as they finish.</summary>
    private static async Task<PipelineRunInfo> RunPipelineAsync(IServiceProvider services, IAnsiConsole console, string which, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PipelineStore>();
        var before = (await store.LatestAsync(cancellationToken))?.Id ?? 0;
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<PipelineJob>(job => job.StartOrResumeAsync("demo", CancellationToken.None));
        console.WriteLine();
        console.MarkupLineInterpolated($"[bold]Pipeline, {which} run[/] (sync → compute → write back, as Hangfire jobs):");

        var reported = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            if (await store.LatestAsync(cancellationToken) is not { } run || run.Id <= before)
            {
                continue;
            }

            foreach (var step in (await store.StepsAsync(run.Id, cancellationToken)).Where(s => s.IsDone || s.Status == PipelineStatus.Failed))
            {
                if (reported.Add(step.Step + step.Status))
                {
                    console.MarkupLineInterpolated($"  {(step.IsDone ? "✓" : "✗")} {step.Step,-22} {step.Summary ?? step.Error ?? step.Status}");
                }
            }

            if (run.Status != PipelineStatus.Running)
            {
                console.MarkupLineInterpolated($"Pipeline {run.Id}: {run.Status}, as-of {run.AsOf:u}.");
                return run;
            }
        }
    }

    /// <summary>The sandbox's login and the demo database always; the user's <c>--set</c> values otherwise, over the demo's defaults.</summary>
    private static Dictionary<string, string?> DemoSettings(Uri sandbox, string connectionString, IEnumerable<KeyValuePair<string, string?>> userSettings)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Jobs:QueuePollIntervalSeconds"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in userSettings)
        {
            settings[key] = value;
        }

        settings["ConnectionStrings:CrmSync"] = connectionString;
        settings["Salesforce:LoginUrl"] = sandbox.ToString();
        settings["Salesforce:AuthFlow"] = "password";
        settings["Salesforce:ClientId"] = "crmsync-sandbox";
        settings["Salesforce:ClientSecret"] = "sandbox-secret";
        settings["Salesforce:Username"] = "admin@sandbox.crmsync";
        settings["Salesforce:Password"] = "sandbox";
        return settings;
    }
}

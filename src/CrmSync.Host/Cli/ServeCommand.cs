using System.CommandLine;
using CrmSync.Host.Web;

namespace CrmSync.Host.Cli;

internal static class ServeCommand
{
    public const string DefaultUrls = "http://localhost:5080";

    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = $"Addresses to listen on, separated by ';'. Default: the setting Urls (e.g. per org, Orgs:<name>:Urls), else {DefaultUrls}.",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the production process: Hangfire job server, dashboard at /hangfire, health at /health. Ctrl+C stops it.")
        {
            Urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = await CrmSyncWebApplication.BuildAsync(GlobalOptions.SettingsFrom(parse), parse.GetValue(Urls), cancellationToken);
            await app.StartAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var url in app.Urls)
            {
                await output.WriteLineAsync($"CrmSync is serving on {url}: dashboard {url}/hangfire, health {url}/health. Ctrl+C stops it.");
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}

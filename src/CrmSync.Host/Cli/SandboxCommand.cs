using System.CommandLine;
using System.Globalization;
using CrmSync.Sandbox;
using CrmSync.Sandbox.Faults;

namespace CrmSync.Host.Cli;

/// <summary><c>sandbox [--port N] [--seed N] [--accounts N] [--as-of T] [--faults SPEC]</c>: the local Salesforce emulator.</summary>
internal static class SandboxCommand
{
    public const int DefaultPort = 5199;

    private static readonly Option<int> Port = new("--port")
    {
        Description = "Port on 127.0.0.1 (0 picks a free one). The login URL is http://localhost:<port>.",
        DefaultValueFactory = _ => DefaultPort,
    };

    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the synthetic org: the same seed gives the same org.", DefaultValueFactory = _ => 1 };

    private static readonly Option<int> Accounts = new("--accounts") { Description = "Number of accounts (about 10 opportunities each).", DefaultValueFactory = _ => 2000 };

    private static readonly Option<string?> AsOf = new("--as-of")
    {
        Description = $"The org's today, e.g. 2026-11-01 or 2026-11-01T00:00:00Z (default {SandboxSettings.DefaultAsOf:yyyy-MM-dd}, fixed so runs repeat).",
    };

    private static readonly Option<string?> Faults = new("--faults") { Description = "Fault rules. " + FaultSpec.Syntax };

    public static Command Create()
    {
        var command = new Command("sandbox", "Run the local Salesforce emulator (OAuth, REST, Bulk API 2.0, /__sandbox/ test controls) until Ctrl+C.")
        {
            Port, Seed, Accounts, AsOf, Faults,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (Validate(parse) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return ExitCodes.BadUsageOrConfiguration;
            }

            var settings = new SandboxSettings
            {
                Port = parse.GetValue(Port),
                Seed = parse.GetValue(Seed),
                Accounts = parse.GetValue(Accounts),
                AsOf = ParseAsOf(parse.GetValue(AsOf)),
                Faults = parse.GetValue(Faults),
            };
            await using var server = await SandboxServer.StartAsync(settings, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            foreach (var line in server.Banner)
            {
                await output.WriteLineAsync(line);
            }

            await output.WriteLineAsync("Ctrl+C stops it.");
            await server.WaitForShutdownAsync(cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string? Validate(ParseResult parse)
    {
        if (parse.GetValue(Port) is < 0 or > 65535)
        {
            return $"--port must be between 0 and 65535 (was {parse.GetValue(Port)}).";
        }

        if (parse.GetValue(Accounts) is < 1 or > 1_000_000)
        {
            return $"--accounts must be between 1 and 1000000 (was {parse.GetValue(Accounts)}).";
        }

        if (parse.GetValue(AsOf) is { } asOf && ParseAsOf(asOf) is null)
        {
            return $"--as-of must be a date or an ISO 8601 instant such as 2026-11-01T00:00:00Z (was '{asOf}').";
        }

        try
        {
            FaultSpec.Parse(parse.GetValue(Faults));
            return null;
        }
        catch (FormatException e)
        {
            return "--faults: " + e.Message;
        }
    }

    private static DateTimeOffset? ParseAsOf(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var asOf) ? asOf : null;
}

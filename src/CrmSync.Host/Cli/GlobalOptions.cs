using System.CommandLine;

namespace CrmSync.Host.Cli;

/// <summary>Options every verb accepts.</summary>
internal static class GlobalOptions
{
    /// <summary><c>--set Key=Value</c>: a configuration value with the highest precedence, e.g. <c>--set Jobs:WorkerCount=4</c>.</summary>
    public static readonly Option<string[]> Set = CreateSet();

    /// <summary><c>--org NAME</c>: run for the org configured in section <c>Orgs:NAME</c>.</summary>
    public static readonly Option<string?> Org = new("--org")
    {
        Description = "Run for one of several orgs: its section Orgs:<NAME> is laid over the shared configuration (same as --set Org=NAME).",
        Recursive = true,
        HelpName = "NAME",
    };

    public static IEnumerable<KeyValuePair<string, string?>> SettingsFrom(ParseResult parse) =>
        (parse.GetValue(Set) ?? [])
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string?>(parts[0].Trim(), parts[1]))
            .Concat(parse.GetValue(Org) is { Length: > 0 } org ? [new KeyValuePair<string, string?>(Configuration.OrgSelection.OrgKey, org)] : []);

    private static Option<string[]> CreateSet()
    {
        var option = new Option<string[]>("--set")
        {
            Description = "Override a configuration value: --set Section:Key=value (repeatable; beats appsettings.json and CRMSYNC_ variables).",
            Recursive = true,
            AllowMultipleArgumentsPerToken = false,
            HelpName = "key=value",
        };
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!value.Contains('=', StringComparison.Ordinal) || value.StartsWith('='))
                {
                    result.AddError($"--set expects Key=Value (e.g. --set Jobs:WorkerCount=4), got '{value}'.");
                }
            }
        });
        return option;
    }
}

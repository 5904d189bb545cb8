using Microsoft.Extensions.Options;

namespace CrmSync.Host.Configuration;

/// <summary>
/// Several orgs in one configuration: sections <c>Orgs:&lt;name&gt;</c> hold whatever differs per org (its
/// <c>Salesforce</c> login, database, <c>Jobs</c> schedules, mapping folder, metric settings…), and <c>Org</c>
/// (<c>--org</c>) picks one: its values lie over the shared ones, below the command line's. Each org keeps its own
/// data and schedules: without a connection string or embedded folder of its own, it gets the embedded
/// PostgreSQL under <c>.crmsync/orgs/&lt;name&gt;/pg</c>; two orgs given the same database are refused.
/// </summary>
public static class OrgSelection
{
    public const string OrgKey = "Org";
    public const string Section = "Orgs";
    private const string ConnectionStringKey = "ConnectionStrings:CrmSync";
    private const string EmbeddedDirectoryKey = "Database:EmbeddedDirectory";

    /// <summary>The values the chosen org adds (empty when none is chosen); throws when the choice or the org sections are wrong.</summary>
    public static IReadOnlyDictionary<string, string?> Overlay(IConfiguration configuration, IEnumerable<KeyValuePair<string, string?>> commandLine)
    {
        var chosen = configuration[OrgKey];
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return new Dictionary<string, string?>();
        }

        var orgs = configuration.GetSection(Section).GetChildren().ToList();
        var org = orgs.FirstOrDefault(o => string.Equals(o.Key, chosen, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid($"Org '{chosen}' is not configured: add a section Orgs:{chosen} (configured: {(orgs.Count == 0 ? "none" : string.Join(", ", orgs.Select(o => o.Key)))}).");
        CheckSeparateDatabases(configuration, orgs);

        var overlay = org.AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        var commandLineKeys = commandLine.Select(pair => pair.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!overlay.ContainsKey(ConnectionStringKey) && !overlay.ContainsKey(EmbeddedDirectoryKey)
            && !commandLineKeys.Contains(ConnectionStringKey) && !commandLineKeys.Contains(EmbeddedDirectoryKey))
        {
            overlay[EmbeddedDirectoryKey] = DefaultEmbeddedDirectory(org.Key);
        }

        return overlay;
    }

    internal static string DefaultEmbeddedDirectory(string org) => Path.Combine(".crmsync", "orgs", org.ToLowerInvariant(), "pg");

    /// <summary>Two orgs writing into one database would mix their data and schedules.</summary>
    private static void CheckSeparateDatabases(IConfiguration configuration, List<IConfigurationSection> orgs)
    {
        var byDatabase = orgs.GroupBy(o => DatabaseOf(configuration, o), StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (byDatabase.Count > 0)
        {
            throw Invalid(string.Join(Environment.NewLine, byDatabase.Select(g =>
                $"Orgs {string.Join(" and ", g.Select(o => o.Key))} would share one database ({g.Key}): give each its own ConnectionStrings:CrmSync or Database:EmbeddedDirectory.")));
        }
    }

    private static string DatabaseOf(IConfiguration configuration, IConfigurationSection org) =>
        org[ConnectionStringKey] is { Length: > 0 } connection ? "connection string " + Redacted(connection)
        : org[EmbeddedDirectoryKey] is { Length: > 0 } directory ? "embedded " + directory
        : configuration[ConnectionStringKey] is { Length: > 0 } shared && org[EmbeddedDirectoryKey] is null ? "connection string " + Redacted(shared)
        : "embedded " + DefaultEmbeddedDirectory(org.Key);

    /// <summary>Host, port and database only: a connection string may carry a password.</summary>
    private static string Redacted(string connectionString)
    {
        var parsed = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{parsed.Host}:{parsed.Port}/{parsed.Database}";
    }

    private static OptionsValidationException Invalid(string message) =>
        new(OrgKey, typeof(OrgSelection), [message]);
}

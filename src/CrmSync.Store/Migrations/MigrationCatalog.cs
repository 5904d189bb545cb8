using System.Reflection;
using System.Text.RegularExpressions;

namespace CrmSync.Store.Migrations;

/// <summary>The migrations this build knows, in the order they are applied (by version number).</summary>
public sealed partial class MigrationCatalog
{
    private const string ResourcePrefix = "Migrations/";

    private MigrationCatalog(IReadOnlyList<Migration> migrations) => Migrations = migrations;

    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The scripts embedded in CrmSync.Store (files <c>Migrations/NNNN_name.sql</c>).</summary>
    public static MigrationCatalog Embedded { get; } = FromAssembly(typeof(MigrationCatalog).Assembly);

    public static MigrationCatalog FromAssembly(Assembly assembly) =>
        FromScripts(assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => (name[ResourcePrefix.Length..], ReadResource(assembly, name))));

    /// <summary>Parses file names <c>NNNN_snake_case.sql</c> and orders by number; rejects bad names and duplicate numbers.</summary>
    public static MigrationCatalog FromScripts(IEnumerable<(string FileName, string Sql)> scripts)
    {
        var migrations = new List<Migration>();
        foreach (var (fileName, sql) in scripts)
        {
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new MigrationException(
                    $"Migration file '{fileName}' is misnamed: expected four digits, an underscore and a snake_case name, e.g. 0002_sync_watermarks.sql.");
            }

            if (string.IsNullOrWhiteSpace(sql))
            {
                throw new MigrationException($"Migration file '{fileName}' is empty.");
            }

            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["name"].Value, sql));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException(
                $"Migration number {duplicate.Key:0000} is used twice: {string.Join(" and ", duplicate.Select(m => m.FileName))}. Give one of them the next free number.");
        }

        return new MigrationCatalog([.. migrations.OrderBy(m => m.Version)]);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9]+(?:_[a-z0-9]+)*)\.sql$")]
    private static partial Regex FileNamePattern();
}

namespace CrmSync.Store.Migrations;

/// <summary>A row of <c>schema_migrations</c>.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);

/// <summary>How the database's schema compares with the migrations this build knows.</summary>
public sealed record MigrationStatus(
    IReadOnlyList<AppliedMigration> Applied,
    IReadOnlyList<Migration> Pending,
    IReadOnlyList<Migration> Changed,
    IReadOnlyList<AppliedMigration> Unknown)
{
    public bool IsCurrent => Pending.Count == 0 && Changed.Count == 0;

    public static MigrationStatus Compare(MigrationCatalog catalog, IReadOnlyList<AppliedMigration> applied)
    {
        var byVersion = applied.ToDictionary(a => a.Version);
        var known = catalog.Migrations.Select(m => m.Version).ToHashSet();
        return new MigrationStatus(
            applied,
            [.. catalog.Migrations.Where(m => !byVersion.ContainsKey(m.Version))],
            [.. catalog.Migrations.Where(m => byVersion.TryGetValue(m.Version, out var a) && a.Checksum != m.Checksum)],
            [.. applied.Where(a => !known.Contains(a.Version))]);
    }
}

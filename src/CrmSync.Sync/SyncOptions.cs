namespace CrmSync.Sync;

/// <summary>How CrmSync pulls from Salesforce (section <c>Sync</c>); checked by <see cref="SyncOptionsValidator"/>.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Folder of the mapping files, relative to the repository root. Default <c>mappings</c>.</summary>
    public string MappingsPath { get; set; } = "mappings";

    public string MappingsFolder(string contentRoot) => Path.GetFullPath(MappingsPath, contentRoot);

    /// <summary>
    /// Each incremental pull starts this long before the last stored SystemModstamp, so rows
    /// committed late in Salesforce (their SystemModstamp is older than their commit) are not missed.
    /// </summary>
    public int LookbackSeconds { get; set; } = 300;

    /// <summary>Rows merged per transaction.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>
    /// How long an object's describe is reused before it is asked again (0: every pull asks). A full pull, a mapped
    /// field the stored describe lacks, or a field the org refuses fetch it at once.
    /// </summary>
    public int DescribeMaxAgeMinutes { get; set; } = 60;

    /// <summary>Above this many rows in one pull, Bulk API 2.0 is used instead of REST paging.</summary>
    public int BulkThresholdRows { get; set; } = 20000;
}

namespace CrmSync.Sync;

/// <summary>How CrmSync pulls from Salesforce (section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Folder of the mapping files, relative to the repository root. Default <c>mappings</c>.</summary>
    public string MappingsPath { get; set; } = "mappings";
}

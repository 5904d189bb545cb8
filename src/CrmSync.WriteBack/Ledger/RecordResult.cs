namespace CrmSync.WriteBack.Ledger;

/// <summary>What Salesforce answered for one record sent (or why the call carrying it failed).</summary>
public sealed record RecordResult(string Key, bool Success, string? Code = null, string? Message = null, IReadOnlyList<string>? Fields = null, bool Retryable = false)
{
    public static RecordResult Written(string key) => new(key, true);
}

namespace CrmSync.WriteBack.Ledger;

/// <summary>
/// One record as the store has it now: its results by logical name, what the ledger says was last written to
/// each field (API name → canonical value), and its last failure if it has one.
/// </summary>
public sealed record StoredRecord(
    string Key,
    IReadOnlyDictionary<string, object?> Values,
    IReadOnlyDictionary<string, string?> Written,
    RecordFailure? Failure);

/// <summary>The last failed attempt to write a record (table crmsync.write_error).</summary>
public sealed record RecordFailure(
    string Code,
    string Message,
    bool Retryable,
    int Attempts,
    IReadOnlyList<string> Fields,
    IReadOnlyDictionary<string, string?> Attempted,
    DateTimeOffset? NextRetryAt);

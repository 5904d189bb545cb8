using CrmSync.WriteBack.Ledger;
using Npgsql;

namespace CrmSync.WriteBack.Results;

/// <summary>The results of one metric run for one target, record by record, with their ledger state.</summary>
public interface IResultSource
{
    /// <summary>The target it feeds (<c>account</c>, <c>snapshot</c>).</summary>
    string Target { get; }

    /// <summary>The logical names it has values for.</summary>
    Task<IReadOnlySet<string>> AvailableAsync(NpgsqlConnection connection, CancellationToken cancellationToken);

    /// <summary><paramref name="logicalNames"/>: the ones to read (all of them must be available).</summary>
    IAsyncEnumerable<StoredRecord> ReadAsync(NpgsqlConnection connection, long runId, string objectName, IReadOnlyCollection<string> logicalNames, CancellationToken cancellationToken);
}

using CrmSync.WriteBack.Ledger;
using Npgsql;

namespace CrmSync.WriteBack.Results;

/// <summary>
/// Per-account results: the columns of account_metric and account_clv (by their names) and <c>kpi_as_of</c>,
/// the as-of of the run. Column names come from the database's own catalog and are quoted.
/// </summary>
public sealed class AccountResults : IResultSource
{
    public const string KpiAsOf = "kpi_as_of";

    public string Target => Targets.WriteTarget.Account;

    public async Task<IReadOnlySet<string>> AvailableAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (await ColumnsAsync(connection, cancellationToken)).Keys.Append(KpiAsOf).ToHashSet(StringComparer.Ordinal);

    public async IAsyncEnumerable<StoredRecord> ReadAsync(
        NpgsqlConnection connection, long runId, string objectName, IReadOnlyCollection<string> logicalNames,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var tables = await ColumnsAsync(connection, cancellationToken);
        var columns = logicalNames.Where(name => name != KpiAsOf).Select(name => $"{tables[name]}.{Quote(name)} AS {Quote(name)}");
        await foreach (var record in StoredRecordReader.ReadAsync(connection, LedgerSql.AccountRecords(columns), runId, objectName, cancellationToken))
        {
            yield return record;
        }
    }

    /// <summary>Column name → alias of its table in <see cref="LedgerSql.AccountRecords"/> (m: account_metric, c: account_clv).</summary>
    private static async Task<Dictionary<string, string>> ColumnsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(LedgerSql.AccountResultColumns, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.TryAdd(reader.GetString(1), reader.GetString(0) == "account_metric" ? "m" : "c");
        }

        return columns;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

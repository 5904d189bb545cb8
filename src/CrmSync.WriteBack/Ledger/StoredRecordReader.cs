using System.Text.Json;
using Npgsql;

namespace CrmSync.WriteBack.Ledger;

/// <summary>Streams the rows of <see cref="LedgerSql.AccountRecords"/> or <see cref="LedgerSql.SnapshotRecords"/> as <see cref="StoredRecord"/>s.</summary>
internal static class StoredRecordReader
{
    private static readonly HashSet<string> LedgerColumns = new(StringComparer.Ordinal)
    {
        "record_key", "ledger_fields", "ledger_values", "code", "message", "retryable", "attempts", "error_fields", "attempted", "next_retry_at",
    };

    public static async IAsyncEnumerable<StoredRecord> ReadAsync(
        NpgsqlConnection connection, string sql, long runId, string objectName,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand(LedgerSql.WholeTableJoins, connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction) { Parameters = { new() { Value = runId }, new() { Value = objectName } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var valueColumns = Enumerable.Range(0, reader.FieldCount).Where(i => !LedgerColumns.Contains(reader.GetName(i))).ToArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new Dictionary<string, object?>(valueColumns.Length, StringComparer.Ordinal);
            foreach (var i in valueColumns)
            {
                values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            yield return new StoredRecord(reader.GetString(reader.GetOrdinal("record_key")), values, Written(reader), Failure(reader));
        }
    }

    private static Dictionary<string, string?> Written(NpgsqlDataReader reader)
    {
        var fieldsAt = reader.GetOrdinal("ledger_fields");
        if (reader.IsDBNull(fieldsAt))
        {
            return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        }

        var fields = reader.GetFieldValue<string[]>(fieldsAt);
        var written = reader.GetFieldValue<string?[]>(reader.GetOrdinal("ledger_values"));
        var ledger = new Dictionary<string, string?>(fields.Length, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            ledger[fields[i]] = written[i];
        }

        return ledger;
    }

    private static RecordFailure? Failure(NpgsqlDataReader reader)
    {
        var codeAt = reader.GetOrdinal("code");
        if (reader.IsDBNull(codeAt))
        {
            return null;
        }

        var nextRetryAt = reader.GetOrdinal("next_retry_at");
        return new RecordFailure(
            reader.GetString(codeAt),
            reader.GetString(reader.GetOrdinal("message")),
            reader.GetBoolean(reader.GetOrdinal("retryable")),
            reader.GetInt32(reader.GetOrdinal("attempts")),
            reader.GetFieldValue<string[]>(reader.GetOrdinal("error_fields")),
            JsonSerializer.Deserialize<Dictionary<string, string?>>(reader.GetString(reader.GetOrdinal("attempted"))) ?? [],
            reader.IsDBNull(nextRetryAt) ? null : reader.GetFieldValue<DateTimeOffset>(nextRetryAt));
    }
}

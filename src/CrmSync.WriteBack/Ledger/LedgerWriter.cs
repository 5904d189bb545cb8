using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.WriteBack.Ledger;

/// <summary>
/// Records the answers of one call in one transaction: the values of records Salesforce confirmed go to the
/// ledger (their failures are forgotten); failed records go to crmsync.write_error with their next retry.
/// Only per-record successes ever reach the ledger, so a crash can cause a re-send but never a lost value.
/// </summary>
public sealed class LedgerWriter(NpgsqlDataSource dataSource, IOptions<WriteBackOptions> options, TimeProvider clock)
{
    public async Task RecordAsync(long writeRun, string objectName, IReadOnlyList<(RecordChange Change, RecordResult Result)> answers, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = answers.Where(a => a.Result.Success).Select(a => a.Change).ToList();
        if (written.Count > 0)
        {
            await WriteLedgerAsync(connection, writeRun, objectName, written, now, cancellationToken);
            await ExecuteAsync(connection, LedgerSql.ClearErrors, cancellationToken, objectName, written.Where(c => !c.KeepFailure).Select(c => c.Key).ToArray());
        }

        var failed = answers.Where(a => !a.Result.Success).ToList();
        if (failed.Count > 0)
        {
            await RecordFailuresAsync(connection, writeRun, objectName, failed, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets failures of records whose values are all written by now.</summary>
    public async Task ClearFailuresAsync(string objectName, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, LedgerSql.ClearErrors, cancellationToken, objectName, keys.ToArray());
    }

    private static async Task WriteLedgerAsync(NpgsqlConnection connection, long writeRun, string objectName, List<RecordChange> written, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, LedgerSql.CreateLedgerStaging, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(LedgerSql.CopyLedgerStaging, cancellationToken))
        {
            foreach (var change in written)
            {
                foreach (var field in change.Fields)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(change.Key, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(field.Field, NpgsqlDbType.Text, cancellationToken);
                    if (field.New is null)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await copy.WriteAsync(field.New, NpgsqlDbType.Text, cancellationToken);
                    }
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(connection, LedgerSql.MergeLedgerStaging, cancellationToken, objectName, writeRun, now);
    }

    private async Task RecordFailuresAsync(
        NpgsqlConnection connection, long writeRun, string objectName, List<(RecordChange Change, RecordResult Result)> failed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        DateTimeOffset? NextRetry(RecordChange change, RecordResult result) => result.Retryable
            ? now + ErrorPolicy.Backoff(change.PreviousAttempts + 1, settings.RetryDelay, settings.MaxRetryDelay)
            : null;

        await ExecuteAsync(connection, LedgerSql.RecordErrors, cancellationToken,
            objectName, writeRun, now,
            failed.Select(f => f.Change.Key).ToArray(),
            failed.Select(f => JsonSerializer.Serialize(f.Result.Fields ?? [])).ToArray(),
            failed.Select(f => f.Result.Code ?? "UNKNOWN").ToArray(),
            failed.Select(f => f.Result.Message ?? string.Empty).ToArray(),
            failed.Select(f => f.Result.Retryable).ToArray(),
            failed.Select(f => JsonSerializer.Serialize(f.Change.Fields.ToDictionary(c => c.Field, c => c.New))).ToArray(),
            failed.Select(f => NextRetry(f.Change, f.Result)).ToArray());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

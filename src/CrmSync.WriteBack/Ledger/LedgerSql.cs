namespace CrmSync.WriteBack.Ledger;

/// <summary>Every statement of the write-back, in one place. Tables: src/CrmSync.Store/Migrations/0005_write_ledger.sql.</summary>
internal static class LedgerSql
{
    public const string LatestSucceededRun = """
        SELECT id, as_of, period_months FROM crmsync.metric_run
        WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1
        """;

    /// <summary>Per-account results the store can write: every column of account_metric and account_clv but the keys.</summary>
    public const string AccountResultColumns = """
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'crmsync' AND table_name IN ('account_metric', 'account_clv')
          AND column_name NOT IN ('run_id', 'account_id')
        """;

    /// <summary>
    /// What was last written to each record, and its last failure: appended to the queries below, whose
    /// rows are one record each with <c>record_key</c>; $2 is the object name.
    /// </summary>
    private const string LedgerAndFailure = """
        , ledger.fields AS ledger_fields, ledger.vals AS ledger_values,
          e.code, e.message, e.retryable, e.attempts, e.fields AS error_fields, e.attempted::text AS attempted, e.next_retry_at
        """;

    // One grouped pass over the object's ledger, joined by hash: a per-record lookup is only fast while the
    // planner's statistics know how big the ledger is, and a first write-back makes it big at once.
    private const string LedgerJoins = """
        LEFT JOIN (
            SELECT l.record_key, array_agg(l.field_name) AS fields, array_agg(l.value) AS vals
            FROM crmsync.write_ledger l WHERE l.object_name = $2 GROUP BY l.record_key) ledger ON ledger.record_key = {0}
        LEFT JOIN crmsync.write_error e ON e.object_name = $2 AND e.record_key = {0}
        """;

    /// <summary>One row per account of run $1; <paramref name="columns"/> are checked names, already quoted with their table alias (m or c).</summary>
    public static string AccountRecords(IEnumerable<string> columns) => $"""
        SELECT m.account_id AS record_key, r.as_of AS kpi_as_of{string.Concat(columns.Select(c => ", " + c))}
        {LedgerAndFailure}
        FROM crmsync.account_metric m
        JOIN crmsync.metric_run r ON r.id = m.run_id
        LEFT JOIN crmsync.account_clv c ON c.run_id = m.run_id AND c.account_id = m.account_id
        {string.Format(System.Globalization.CultureInfo.InvariantCulture, LedgerJoins, "m.account_id")}
        WHERE m.run_id = $1
        """;

    /// <summary>One row per segment and metric of run $1, keyed <c>yyyy-MM-dd|segment|metric</c> (the as-of's UTC date).</summary>
    public static readonly string SnapshotRecords = $"""
        SELECT s.key AS record_key, s.as_of, s.segment, s.metric, s.value, s.period_months, s.records_used
        {LedgerAndFailure}
        FROM (SELECT to_char(r.as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '|' || sm.segment || '|' || sm.metric AS key,
                     r.as_of, sm.segment, sm.metric, sm.value, r.period_months, sm.records_used
              FROM crmsync.segment_metric sm JOIN crmsync.metric_run r ON r.id = sm.run_id
              WHERE sm.run_id = $1) s
        {string.Format(System.Globalization.CultureInfo.InvariantCulture, LedgerJoins, "s.key")}
        """;

    /// <summary>
    /// The record queries join whole tables. Right after a compute (or a first write-back) the statistics still
    /// describe the previous run, and a nested loop chosen on such estimates repeats the ledger scan per account.
    /// </summary>
    public const string WholeTableJoins = "SET LOCAL enable_nestloop = off";

    public const string CreateLedgerStaging = """
        CREATE TEMP TABLE write_ledger_in (record_key text NOT NULL, field_name text NOT NULL, value text) ON COMMIT DROP
        """;

    public const string CopyLedgerStaging = "COPY write_ledger_in (record_key, field_name, value) FROM STDIN (FORMAT BINARY)";

    /// <summary>$1 object, $2 write run, $3 now.</summary>
    public const string MergeLedgerStaging = """
        INSERT INTO crmsync.write_ledger (object_name, record_key, field_name, value, written_at, write_run)
        SELECT $1, record_key, field_name, value, $3, $2 FROM write_ledger_in
        ON CONFLICT (object_name, record_key, field_name)
        DO UPDATE SET value = excluded.value, written_at = excluded.written_at, write_run = excluded.write_run
        """;

    /// <summary>After a large write the planner needs to know the ledger's new size.</summary>
    public const string AnalyzeLedger = "ANALYZE crmsync.write_ledger";

    /// <summary>$1 object, $2 record keys.</summary>
    public const string ClearErrors = "DELETE FROM crmsync.write_error WHERE object_name = $1 AND record_key = ANY($2)";

    /// <summary>
    /// $1 object, $2 write run, $3 now, then one array per column: keys, fields (JSON arrays), codes, messages,
    /// retryable, attempted (JSON), next retry. Attempts count up while a record keeps failing.
    /// </summary>
    public const string RecordErrors = """
        INSERT INTO crmsync.write_error AS e (object_name, record_key, fields, code, message, retryable, attempts, attempted,
                                              first_failed_at, last_failed_at, next_retry_at, write_run)
        SELECT $1, f.key, ARRAY(SELECT jsonb_array_elements_text(f.fields::jsonb)), f.code, f.message, f.retryable, 1,
               f.attempted::jsonb, $3, $3, f.next_retry, $2
        FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[], $10::timestamptz[])
             AS f(key, fields, code, message, retryable, attempted, next_retry)
        ON CONFLICT (object_name, record_key) DO UPDATE SET
            fields = excluded.fields, code = excluded.code, message = excluded.message, retryable = excluded.retryable,
            attempts = e.attempts + 1, attempted = excluded.attempted, last_failed_at = excluded.last_failed_at,
            next_retry_at = excluded.next_retry_at, write_run = excluded.write_run
        """;

    /// <summary>Runs left 'running' by a killed process are marked failed; $1 now.</summary>
    public const string AbandonInterruptedRuns = """
        UPDATE crmsync.write_run SET status = 'failed', finished_at = $1, error = 'interrupted (the process ended before the run did)'
        WHERE status = 'running'
        """;

    /// <summary>$1 metric run, $2 dry run, $3 now.</summary>
    public const string StartRun = """
        INSERT INTO crmsync.write_run (metric_run_id, dry_run, status, started_at) VALUES ($1, $2, 'running', $3) RETURNING id
        """;

    /// <summary>$1 id, $2 status, $3 now, $4 outcomes, $5 error codes, $6 calls, $7 elapsed ms, $8 error.</summary>
    public const string FinishRun = """
        UPDATE crmsync.write_run SET status = $2, finished_at = $3, outcomes = $4::jsonb, error_codes = $5::jsonb,
               api_calls = $6, elapsed_ms = $7, error = $8
        WHERE id = $1
        """;

    /// <summary>Only one write-back at a time per database (released when the connection closes, also on a crash).</summary>
    public const string TryLock = "SELECT pg_try_advisory_lock(hashtext('crmsync:writeback'))";

    /// <summary>Pooled connections keep session locks, so the lock is given back explicitly.</summary>
    public const string Unlock = "SELECT pg_advisory_unlock(hashtext('crmsync:writeback'))";

    public const string ReadDescribe = "SELECT fields::text FROM crmsync.write_target_describe WHERE object_name = $1";

    /// <summary>$1 object, $2 fields JSON, $3 now.</summary>
    public const string SaveDescribe = """
        INSERT INTO crmsync.write_target_describe (object_name, fields, fetched_at) VALUES ($1, $2::jsonb, $3)
        ON CONFLICT (object_name) DO UPDATE SET fields = excluded.fields, fetched_at = excluded.fetched_at
        """;
}

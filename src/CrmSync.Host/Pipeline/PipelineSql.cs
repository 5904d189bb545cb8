namespace CrmSync.Host.Pipeline;

/// <summary>The SQL of pipeline runs (tables of migration 0004), in one place.</summary>
internal static class PipelineSql
{
    public const string InsertRun = """
        INSERT INTO crmsync.pipeline_run (trigger, owner, as_of, dry_run, status, started_at)
        VALUES ($1, $2, $3, $4, 'running', $5)
        RETURNING id
        """;

    public const string InsertStep = """
        INSERT INTO crmsync.pipeline_step (run_id, step, position, status)
        VALUES ($1, $2, $3, 'pending')
        """;

    public const string Running = """
        SELECT id, trigger, owner, as_of, dry_run, status, started_at
        FROM crmsync.pipeline_run
        WHERE status = 'running'
        """;

    public const string Run = """
        SELECT id, trigger, owner, as_of, dry_run, status, started_at
        FROM crmsync.pipeline_run
        WHERE id = $1
        """;

    public const string Latest = """
        SELECT id, trigger, owner, as_of, dry_run, status, started_at
        FROM crmsync.pipeline_run
        ORDER BY id DESC
        LIMIT 1
        """;

    public const string LockRun = """
        SELECT status FROM crmsync.pipeline_run WHERE id = $1 FOR UPDATE
        """;

    public const string Steps = """
        SELECT step, status, job_id, started_at, attempts, summary, detail::text, error
        FROM crmsync.pipeline_step
        WHERE run_id = $1
        ORDER BY position
        """;

    public const string Claim = """
        UPDATE crmsync.pipeline_step
        SET status = 'enqueued'
        WHERE run_id = $1 AND step = ANY($2) AND status = 'pending'
        RETURNING step
        """;

    public const string SetJobId = """
        UPDATE crmsync.pipeline_step SET job_id = $3 WHERE run_id = $1 AND step = $2
        """;

    /// <summary>Steps left unfinished by a process that stopped go back to pending, to be claimed again.</summary>
    public const string ResetUnfinished = """
        UPDATE crmsync.pipeline_step
        SET status = 'pending', job_id = NULL
        WHERE run_id = $1 AND status IN ('enqueued', 'running', 'failed')
        """;

    public const string ResetStep = """
        UPDATE crmsync.pipeline_step
        SET status = 'pending', job_id = NULL
        WHERE run_id = $1 AND step = $2 AND status IN ('enqueued', 'running', 'failed')
        """;

    /// <summary>Marks an attempt started, unless the step is already done; returns the step as it now is.</summary>
    public const string BeginStep = """
        UPDATE crmsync.pipeline_step
        SET status = CASE WHEN status IN ('succeeded', 'skipped') THEN status ELSE 'running' END,
            attempts = attempts + CASE WHEN status IN ('succeeded', 'skipped') THEN 0 ELSE 1 END,
            started_at = coalesce(started_at, $3),
            error = CASE WHEN status IN ('succeeded', 'skipped') THEN error END
        WHERE run_id = $1 AND step = $2
        RETURNING status, started_at, attempts
        """;

    public const string CompleteStep = """
        UPDATE crmsync.pipeline_step
        SET status = $3, summary = $4, detail = $5::jsonb, finished_at = $6, error = NULL
        WHERE run_id = $1 AND step = $2
        """;

    public const string FailStep = """
        UPDATE crmsync.pipeline_step
        SET status = 'failed', error = $3, finished_at = $4
        WHERE run_id = $1 AND step = $2 AND status NOT IN ('succeeded', 'skipped')
        """;

    public const string FinishRun = """
        UPDATE crmsync.pipeline_run
        SET status = $2, finished_at = $3, error = $4
        WHERE id = $1 AND status = 'running'
        """;

    public const string TakeOver = """
        UPDATE crmsync.pipeline_run SET owner = 'server' WHERE id = $1 AND status = 'running'
        """;

    /// <summary>The newest succeeded metric run with this as-of computed since the step first started (a retried compute reuses it).</summary>
    public const string MetricRunSince = """
        SELECT id FROM crmsync.metric_run
        WHERE status = 'succeeded' AND as_of = $1 AND started_at >= $2
        ORDER BY id DESC
        LIMIT 1
        """;

    /// <summary>Held by a foreground pipeline (crmsync run) for as long as it runs: free means its process is gone.</summary>
    public const string TryForegroundLock = "SELECT pg_try_advisory_lock(hashtext('crmsync:pipeline:foreground'))";

    public const string ForegroundUnlock = "SELECT pg_advisory_unlock(hashtext('crmsync:pipeline:foreground'))";
}

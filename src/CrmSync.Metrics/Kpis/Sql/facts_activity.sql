-- Tasks and Events in one list. A Task counts when completed (closed); an Event when it took place.
CREATE TEMP TABLE activity_facts ON COMMIT DROP AS
WITH activity AS (
    SELECT t.id, 'Task' AS kind, t.account_id, t.activity_date, coalesce(t.is_closed, false) AS completed
    FROM crmsync.sf_task t
    CROSS JOIN run_params p
    WHERE 'task' = ANY (p.sources)
    UNION ALL
    SELECT e.id, 'Event', e.account_id, e.activity_date, true
    FROM crmsync.sf_event e
    CROSS JOIN run_params p
    WHERE 'event' = ANY (p.sources)
)
SELECT x.id,
       x.kind,
       x.account_id,
       x.activity_date,
       x.completed,
       x.activity_date > p.w_start_date AND x.activity_date <= p.as_of_date   AS in_w,
       CASE WHEN a.id IS NULL                   THEN 'no account'
            WHEN x.activity_date IS NULL        THEN 'missing date'
            WHEN x.activity_date > p.as_of_date THEN 'after as-of'
       END                                                                    AS skipped
FROM activity x
CROSS JOIN run_params p
LEFT JOIN account_facts a ON a.id = x.account_id;

ANALYZE activity_facts;

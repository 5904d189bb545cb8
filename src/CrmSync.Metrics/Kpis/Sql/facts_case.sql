-- Every Case, read as of as-of: closed only if closed by then, a first response only if given by then.
CREATE TEMP TABLE case_facts ON COMMIT DROP AS
SELECT c.id,
       c.account_id,
       c.created_at,
       c.closed_at,
       c.first_response_at,
       c.created_at > p.w_start AND c.created_at <= p.as_of                   AS created_in_w,
       coalesce(c.is_closed, false) AND (c.closed_at IS NULL OR c.closed_at <= p.as_of) AS is_closed,
       coalesce(c.first_contact_resolution, false)                            AS first_contact_resolution,
       CASE WHEN c.first_response_at <= p.as_of
            THEN extract(epoch FROM c.first_response_at - c.created_at) / 3600
       END                                                                    AS response_hours,
       coalesce(c.closed_at < c.created_at, false)                            AS closed_before_created,
       CASE WHEN a.id IS NULL           THEN 'no account'
            WHEN c.created_at IS NULL   THEN 'missing date'
            WHEN c.created_at > p.as_of THEN 'after as-of'
       END                                                                    AS skipped
FROM crmsync.sf_case c
CROSS JOIN run_params p
LEFT JOIN account_facts a ON a.id = c.account_id
WHERE 'case' = ANY (p.sources);

ANALYZE case_facts;

-- Leads (org-wide only: a lead has no account until converted). Converted as of as-of.
CREATE TEMP TABLE lead_facts ON COMMIT DROP AS
SELECT l.id,
       l.created_at,
       l.created_at > p.w_start AND l.created_at <= p.as_of                   AS created_in_w,
       coalesce(l.is_converted, false)
           AND (l.converted_date IS NULL OR l.converted_date <= p.as_of_date) AS converted,
       CASE WHEN l.created_at IS NULL   THEN 'missing date'
            WHEN l.created_at > p.as_of THEN 'after as-of'
       END                                                                    AS skipped
FROM crmsync.sf_lead l
CROSS JOIN run_params p
WHERE 'lead' = ANY (p.sources);

ANALYZE lead_facts;

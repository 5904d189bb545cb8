-- Every Opportunity, classified for the run. A row with a 'skipped' reason enters no figure.
CREATE TEMP TABLE deal_facts ON COMMIT DROP AS
SELECT d.id,
       d.account_id,
       d.close_date,
       coalesce(d.amount, 0)                                                  AS amount,
       d.amount IS NULL                                                       AS amount_missing,
       coalesce(d.is_won, false)                                              AS is_won,
       coalesce(d.is_closed, false) AND NOT coalesce(d.is_won, false)         AS is_lost,
       d.type,
       d.close_date > p.w_start_date  AND d.close_date <= p.as_of_date        AS in_w,
       d.close_date > p.w1_start_date AND d.close_date <= p.w_start_date      AS in_w1,
       CASE WHEN a.id IS NULL                THEN 'no account'
            WHEN d.close_date IS NULL        THEN 'missing date'
            WHEN d.close_date > p.as_of_date THEN 'after as-of'
       END                                                                    AS skipped
FROM crmsync.sf_deal d
CROSS JOIN run_params p
LEFT JOIN account_facts a ON a.id = d.account_id
WHERE 'deal' = ANY (p.sources);

ANALYZE deal_facts;

-- Product usage records; #18 counts the distinct usage days in W.
CREATE TEMP TABLE usage_facts ON COMMIT DROP AS
SELECT u.id,
       u.account_id,
       u.usage_date,
       u.usage_date > p.w_start_date AND u.usage_date <= p.as_of_date         AS in_w,
       CASE WHEN a.id IS NULL                THEN 'no account'
            WHEN u.usage_date IS NULL        THEN 'missing date'
            WHEN u.usage_date > p.as_of_date THEN 'after as-of'
       END                                                                    AS skipped
FROM crmsync.sf_product_usage u
CROSS JOIN run_params p
LEFT JOIN account_facts a ON a.id = u.account_id
WHERE 'product_usage' = ANY (p.sources);

ANALYZE usage_facts;

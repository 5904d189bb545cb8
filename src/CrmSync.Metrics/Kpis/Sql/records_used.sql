-- Records that entered each metric in the run: per-account metrics summed over accounts, portfolio
-- metrics from the org's row.
SELECT metric, sum(records) AS records
FROM (
    SELECT u.key AS metric, u.value::bigint AS records
    FROM crmsync.account_metric m
    CROSS JOIN LATERAL jsonb_each_text(m.records_used) AS u
    WHERE m.run_id = @run_id
    UNION ALL
    SELECT split_part(metric, ':', 1), records_used
    FROM crmsync.segment_metric
    WHERE run_id = @run_id AND segment = '(all)'
      AND split_part(metric, ':', 1) = ANY (@portfolio_only)
) AS used
GROUP BY metric;

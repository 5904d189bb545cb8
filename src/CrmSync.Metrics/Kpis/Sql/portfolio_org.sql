-- Org-wide figures that are not pooled from accounts: every lead, every campaign member (leads
-- and contacts alike), and the new-customer penetration of each configured target segment.
-- Counts are of joined rows (count(l.id), not count(*)): with nothing in W the left join still
-- yields the run_params row, and the rate must be null, not 0.
INSERT INTO crmsync.segment_metric (run_id, segment, metric, value, records_used)
SELECT p.run_id, '(all)', 'lead_conversion_rate',
       CASE WHEN 'lead_conversion_rate' = ANY (p.configured)
            THEN (count(l.id) FILTER (WHERE l.converted))::numeric / nullif(count(l.id), 0) END,
       CASE WHEN 'lead_conversion_rate' = ANY (p.configured) THEN count(l.id) ELSE 0 END
FROM run_params p
LEFT JOIN lead_facts l ON l.skipped IS NULL AND l.created_in_w
GROUP BY p.run_id, p.configured
UNION ALL
SELECT p.run_id, '(all)', 'campaign_response_rate',
       CASE WHEN 'campaign_response_rate' = ANY (p.configured)
            THEN (count(m.id) FILTER (WHERE m.responded))::numeric / nullif(count(m.id), 0) END,
       CASE WHEN 'campaign_response_rate' = ANY (p.configured) THEN count(m.id) ELSE 0 END
FROM run_params p
LEFT JOIN member_facts m ON m.skipped IS NULL AND m.added_in_w
GROUP BY p.run_id, p.configured
UNION ALL
SELECT p.run_id, '(all)', 'target_penetration:' || t.segment,
       CASE WHEN 'target_penetration' = ANY (p.configured)
            THEN (count(s.account_id) FILTER (WHERE s.first_purchase > p.w_start_date))::numeric / nullif(count(s.account_id), 0) END,
       CASE WHEN 'target_penetration' = ANY (p.configured) THEN count(s.account_id) ELSE 0 END
FROM run_params p
CROSS JOIN unnest(p.target_segments) AS t (segment)
LEFT JOIN account_sums s ON s.segment = t.segment AND (s.created_at IS NULL OR s.created_at <= p.as_of)
GROUP BY p.run_id, p.configured, t.segment;

-- Data quality of the run: per source, records skipped by reason, records kept but flagged, and
-- records dated after as-of, which do not exist for the run ('ignored', not counted as skipped).
SELECT source, CASE WHEN reason = 'after as-of' THEN 'ignored' ELSE kind END AS kind, reason, count(*) AS records
FROM (
    SELECT 'deal' AS source, 'skipped' AS kind, skipped AS reason FROM deal_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'deal', 'flagged', 'null Amount (counted as 0)' FROM deal_facts WHERE skipped IS NULL AND is_won AND amount_missing
    UNION ALL SELECT 'case', 'skipped', skipped FROM case_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'case', 'flagged', 'closed before it was created' FROM case_facts WHERE skipped IS NULL AND closed_before_created
    UNION ALL SELECT 'case', 'flagged', 'first response before creation' FROM case_facts WHERE skipped IS NULL AND response_hours < 0
    UNION ALL SELECT 'survey', 'skipped', skipped FROM survey_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'survey', 'skipped', 'score missing or outside its scale' FROM survey_facts WHERE skipped IS NULL AND NOT coalesce(score_ok, false)
    UNION ALL SELECT CASE kind WHEN 'Task' THEN 'task' ELSE 'event' END, 'skipped', skipped FROM activity_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'campaign_member', 'skipped', skipped FROM member_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'campaign_member', 'flagged', 'not linked to an account (lead, or contact without account): counted for the org only' FROM member_facts WHERE skipped IS NULL AND account_id IS NULL
    UNION ALL SELECT 'invoice', 'skipped', skipped FROM invoice_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'invoice', 'flagged', 'paid before its invoice date' FROM invoice_facts WHERE skipped IS NULL AND payment_days < 0
    UNION ALL SELECT 'product_usage', 'skipped', skipped FROM usage_facts WHERE skipped IS NOT NULL
    UNION ALL SELECT 'lead', 'skipped', skipped FROM lead_facts WHERE skipped IS NOT NULL
) AS reasons
GROUP BY 1, 2, 3;

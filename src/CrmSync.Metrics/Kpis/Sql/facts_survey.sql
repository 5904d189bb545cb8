-- Every survey response; 'score_ok' says whether its score is on its type's scale (NPS 0-10).
CREATE TEMP TABLE survey_facts ON COMMIT DROP AS
SELECT s.id,
       s.account_id,
       s.type,
       s.score,
       s.responded_at,
       s.responded_at > p.w_start AND s.responded_at <= p.as_of               AS in_w,
       CASE WHEN s.type = 'NPS' THEN s.score BETWEEN 0 AND 10
            ELSE s.score BETWEEN p.survey_min AND p.survey_max
       END                                                                    AS score_ok,
       CASE WHEN a.id IS NULL             THEN 'no account'
            WHEN s.responded_at IS NULL   THEN 'missing date'
            WHEN s.responded_at > p.as_of THEN 'after as-of'
       END                                                                    AS skipped
FROM crmsync.sf_survey s
CROSS JOIN run_params p
LEFT JOIN account_facts a ON a.id = s.account_id
WHERE 'survey' = ANY (p.sources);

ANALYZE survey_facts;

-- Per account, the counts and sums every metric is a ratio of. Kept apart from the ratios so that
-- segments and the org pool the same sums (never a mean of account means).
CREATE TEMP TABLE account_sums ON COMMIT DROP AS
WITH first_purchase AS (
    SELECT account_id, min(close_date) AS first_purchase
    FROM deal_facts
    WHERE skipped IS NULL AND is_won
    GROUP BY account_id
),
deals AS (
    SELECT f.account_id,
           count(*)      FILTER (WHERE f.is_won AND f.in_w)                                   AS won_w,
           sum(f.amount) FILTER (WHERE f.is_won AND f.in_w)                                   AS won_amount_w,
           count(*)      FILTER (WHERE f.is_won AND f.in_w1)                                  AS won_w1,
           sum(f.amount) FILTER (WHERE f.is_won AND f.in_w1)                                  AS won_amount_w1,
           count(*)      FILTER (WHERE f.is_won AND f.in_w AND f.close_date > fp.first_purchase) AS repeat_w,
           sum(f.amount) FILTER (WHERE f.is_won AND f.in_w AND f.close_date > fp.first_purchase) AS repeat_amount_w,
           count(*)      FILTER (WHERE f.is_lost AND f.in_w)                                  AS lost_w,
           count(*)      FILTER (WHERE f.is_won AND f.in_w AND f.type = ANY (p.upgrade_types)) AS upgrades_w
    FROM deal_facts f
    CROSS JOIN run_params p
    LEFT JOIN first_purchase fp USING (account_id)
    WHERE f.skipped IS NULL
    GROUP BY f.account_id
),
cases AS (
    SELECT account_id,
           count(*)                FILTER (WHERE created_in_w)                                   AS cases_w,
           count(*)                FILTER (WHERE created_in_w AND is_closed)                     AS closed_w,
           count(*)                FILTER (WHERE created_in_w AND is_closed AND first_contact_resolution) AS fcr_w,
           count(response_hours)   FILTER (WHERE created_in_w)                                   AS responded_w,
           sum(response_hours)     FILTER (WHERE created_in_w)                                   AS response_hours_w
    FROM case_facts
    WHERE skipped IS NULL
    GROUP BY account_id
),
surveys AS (
    SELECT account_id,
           count(*)   FILTER (WHERE in_w)                                                        AS surveys_w,
           count(*)   FILTER (WHERE in_w AND type = 'CSAT' AND score_ok)                         AS csat_n,
           sum(score) FILTER (WHERE in_w AND type = 'CSAT' AND score_ok)                         AS csat_sum,
           count(*)   FILTER (WHERE in_w AND type = 'NPS' AND score_ok)                          AS nps_n,
           count(*)   FILTER (WHERE in_w AND type = 'NPS' AND score_ok AND score >= 9)           AS promoters,
           count(*)   FILTER (WHERE in_w AND type = 'NPS' AND score_ok AND score <= 6)           AS detractors,
           count(*)   FILTER (WHERE in_w AND type = 'PostSale' AND score_ok)                     AS post_sale_n,
           sum(score) FILTER (WHERE in_w AND type = 'PostSale' AND score_ok)                     AS post_sale_sum
    FROM survey_facts
    WHERE skipped IS NULL
    GROUP BY account_id
),
activities AS (
    SELECT account_id, count(*) FILTER (WHERE in_w AND completed) AS activities_w
    FROM activity_facts
    WHERE skipped IS NULL
    GROUP BY account_id
),
members AS (
    SELECT account_id,
           count(*) FILTER (WHERE added_in_w)                  AS members_w,
           count(*) FILTER (WHERE added_in_w AND responded)    AS members_responded_w,
           count(*) FILTER (WHERE responded_in_w)              AS campaign_responses_w
    FROM member_facts
    WHERE skipped IS NULL AND account_id IS NOT NULL
    GROUP BY account_id
),
invoices AS (
    SELECT account_id, count(*) AS paid_w, sum(payment_days) AS payment_days_w
    FROM invoice_facts
    WHERE skipped IS NULL AND paid_in_w
    GROUP BY account_id
),
usage AS (
    SELECT account_id, count(*) AS usage_records_w, count(DISTINCT usage_date) AS usage_days_w
    FROM usage_facts
    WHERE skipped IS NULL AND in_w
    GROUP BY account_id
)
SELECT a.id AS account_id,
       a.segment,
       a.created_at,
       fp.first_purchase,
       coalesce(d.won_w, 0)                AS won_w,
       coalesce(d.won_amount_w, 0)         AS won_amount_w,
       coalesce(d.won_w1, 0)               AS won_w1,
       coalesce(d.won_amount_w1, 0)        AS won_amount_w1,
       coalesce(d.repeat_w, 0)             AS repeat_w,
       coalesce(d.repeat_amount_w, 0)      AS repeat_amount_w,
       coalesce(d.lost_w, 0)               AS lost_w,
       coalesce(d.upgrades_w, 0)           AS upgrades_w,
       coalesce(c.cases_w, 0)              AS cases_w,
       coalesce(c.closed_w, 0)             AS closed_w,
       coalesce(c.fcr_w, 0)                AS fcr_w,
       coalesce(c.responded_w, 0)          AS responded_w,
       coalesce(c.response_hours_w, 0)     AS response_hours_w,
       coalesce(s.surveys_w, 0)            AS surveys_w,
       coalesce(s.csat_n, 0)               AS csat_n,
       coalesce(s.csat_sum, 0)             AS csat_sum,
       coalesce(s.nps_n, 0)                AS nps_n,
       coalesce(s.promoters, 0)            AS promoters,
       coalesce(s.detractors, 0)           AS detractors,
       coalesce(s.post_sale_n, 0)          AS post_sale_n,
       coalesce(s.post_sale_sum, 0)        AS post_sale_sum,
       coalesce(x.activities_w, 0)         AS activities_w,
       coalesce(m.members_w, 0)            AS members_w,
       coalesce(m.members_responded_w, 0)  AS members_responded_w,
       coalesce(m.campaign_responses_w, 0) AS campaign_responses_w,
       coalesce(i.paid_w, 0)               AS paid_w,
       coalesce(i.payment_days_w, 0)       AS payment_days_w,
       coalesce(u.usage_records_w, 0)      AS usage_records_w,
       coalesce(u.usage_days_w, 0)         AS usage_days_w
FROM account_facts a
LEFT JOIN first_purchase fp ON fp.account_id = a.id
LEFT JOIN deals d           ON d.account_id = a.id
LEFT JOIN cases c           ON c.account_id = a.id
LEFT JOIN surveys s         ON s.account_id = a.id
LEFT JOIN activities x      ON x.account_id = a.id
LEFT JOIN members m         ON m.account_id = a.id
LEFT JOIN invoices i        ON i.account_id = a.id
LEFT JOIN usage u           ON u.account_id = a.id;

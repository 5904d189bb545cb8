-- Portfolio metrics (metrics.md, "Portfolio metrics") for the org ('(all)') and each segment,
-- pooled over the segment's records. Lead conversion, the org's campaign response rate and
-- target penetration are added by portfolio_org.sql.
WITH pooled AS (
    SELECT CASE WHEN grouping(s.segment) = 1 THEN '(all)' ELSE s.segment END AS segment,
           count(*) FILTER (WHERE s.won_w1 > 0)                                         AS customers_start,
           count(*) FILTER (WHERE s.won_w > 0)                                          AS customers_end,
           count(*) FILTER (WHERE s.first_purchase > p.w_start_date)                    AS customers_new,
           sum(s.won_w) AS won_w, sum(s.won_amount_w) AS won_amount_w,
           sum(s.won_w1) AS won_w1, sum(s.won_amount_w1) AS won_amount_w1,
           sum(s.repeat_w) AS repeat_w, sum(s.repeat_amount_w) AS repeat_amount_w,
           sum(s.won_amount_w1) FILTER (WHERE s.won_w1 > 0 AND s.won_w = 0)             AS churn_cost,
           sum(s.won_w1)        FILTER (WHERE s.won_w1 > 0 AND s.won_w = 0)             AS churned_deals,
           sum(s.csat_n) AS csat_n, sum(s.csat_sum) AS csat_sum,
           sum(s.nps_n) AS nps_n, sum(s.promoters) AS promoters, sum(s.detractors) AS detractors,
           sum(s.post_sale_n) AS post_sale_n, sum(s.post_sale_sum) AS post_sale_sum,
           sum(s.responded_w) AS responded_w, sum(s.response_hours_w) AS response_hours_w,
           sum(s.cases_w) AS cases_w, sum(s.closed_w) AS closed_w, sum(s.fcr_w) AS fcr_w,
           sum(s.paid_w) AS paid_w, sum(s.payment_days_w) AS payment_days_w,
           sum(s.members_w) AS members_w, sum(s.members_responded_w) AS members_responded_w
    FROM account_sums s
    CROSS JOIN run_params p
    GROUP BY GROUPING SETS ((), (s.segment))
)
INSERT INTO crmsync.segment_metric (run_id, segment, metric, value, records_used)
SELECT p.run_id,
       g.segment,
       m.metric,
       CASE WHEN m.metric = ANY (p.configured) THEN m.value END,
       CASE WHEN m.metric = ANY (p.configured) THEN coalesce(m.records_used, 0) ELSE 0 END  -- an org without accounts pools nothing
FROM pooled g
CROSS JOIN run_params p
CROSS JOIN LATERAL (VALUES
    ('retention_rate',         (g.customers_end - g.customers_new)::numeric / nullif(g.customers_start, 0), g.customers_start),
    ('acquisition_rate',       g.customers_new::numeric / nullif(g.customers_start, 0),                   g.customers_start),
    ('customers_start',        g.customers_start::numeric,                                               g.customers_start),
    ('customers_end',          g.customers_end::numeric,                                                 g.customers_end),
    ('customers_new',          g.customers_new::numeric,                                                 g.customers_new),
    ('repeat_purchase_value',  g.repeat_amount_w,                                                        g.repeat_w),
    ('repeat_purchase_share',  g.repeat_amount_w / nullif(g.won_amount_w, 0),                            g.won_w),
    ('churn_cost',             coalesce(g.churn_cost, 0),                                                coalesce(g.churned_deals, 0)),
    ('sales_growth_rate',      (g.won_amount_w - g.won_amount_w1) / nullif(g.won_amount_w1, 0),         g.won_w + g.won_w1),
    ('avg_transaction_value',  g.won_amount_w / nullif(g.won_w, 0),                                      g.won_w),
    ('csat',                   g.csat_sum / nullif(g.csat_n, 0),                                         g.csat_n),
    ('nps',                    100.0 * (g.promoters - g.detractors) / nullif(g.nps_n, 0),                g.nps_n),
    ('post_sale_satisfaction', g.post_sale_sum / nullif(g.post_sale_n, 0),                               g.post_sale_n),
    ('response_time_hours',    g.response_hours_w / nullif(g.responded_w, 0),                            g.responded_w),
    ('resolution_rate',        g.closed_w::numeric / nullif(g.cases_w, 0),                               g.cases_w),
    ('fcr_rate',               g.fcr_w::numeric / nullif(g.closed_w, 0),                                 g.closed_w),
    ('avg_payment_days',       g.payment_days_w::numeric / nullif(g.paid_w, 0),                          g.paid_w),
    ('campaign_response_rate', g.members_responded_w::numeric / nullif(g.members_w, 0),                  g.members_w)
) AS m (metric, value, records_used)
WHERE NOT (g.segment = '(all)' AND m.metric = 'campaign_response_rate');

-- The run's parameters as a one-row table, so every query below reads them by name.
-- Windows: W = (w_start, as_of], W-1 = (w1_start, w_start]; a date D is in W when w_start_date < D <= as_of_date.
CREATE TEMP TABLE run_params ON COMMIT DROP AS
SELECT @run_id::bigint                                                AS run_id,
       @as_of::timestamptz                                            AS as_of,
       (@as_of::timestamptz)::date                                    AS as_of_date,
       @w_start::timestamptz                                          AS w_start,
       (@w_start::timestamptz)::date                                  AS w_start_date,
       @w1_start::timestamptz                                         AS w1_start,
       (@w1_start::timestamptz)::date                                 AS w1_start_date,
       @period_months::integer                                        AS period_months,
       extract(epoch FROM @as_of::timestamptz - @w_start::timestamptz) / 86400 AS window_days,
       @upgrade_types::text[]                                         AS upgrade_types,
       @target_segments::text[]                                       AS target_segments,
       @survey_min::numeric                                           AS survey_min,
       @survey_max::numeric                                           AS survey_max,
       @weight_activity::numeric                                      AS weight_activity,
       @weight_campaign::numeric                                      AS weight_campaign,
       @weight_survey::numeric                                        AS weight_survey,
       @sources::text[]                                               AS sources,      -- configured sources
       @configured::text[]                                            AS configured,   -- configured metrics
       @only_account::text                                            AS only_account; -- kpi explain: only this account in account_facts; other records read "no account"

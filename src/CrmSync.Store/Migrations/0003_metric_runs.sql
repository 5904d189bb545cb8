-- What `crmsync compute` produces. Every run is kept, so history can be read and two runs
-- compared; nothing is updated in place. Definitions: ../shared/spec/metrics.md, and the
-- choices the spec leaves open: src/CrmSync.Metrics/README.md.

CREATE TABLE crmsync.metric_run (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of                 timestamptz NOT NULL,
    period_months         integer     NOT NULL,
    window_start          timestamptz NOT NULL,  -- W   = (window_start, as_of]
    previous_window_start timestamptz NOT NULL,  -- W-1 = (previous_window_start, window_start]
    settings              jsonb       NOT NULL,  -- the Metrics and Clv settings in force
    mapping_version       text        NOT NULL,  -- hash of the pulled field lists (sync_state.fields_signature)
    status                text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at            timestamptz NOT NULL,
    finished_at           timestamptz,
    timings               jsonb       NOT NULL DEFAULT '{}',  -- step name -> milliseconds
    error                 text
);

-- One row per account and run. Values are null when there is no data (a division by zero, no
-- responses) or when the metric's source is not configured (see metric_quality). Rates are
-- fractions in [0, 1]; the Percent fields in Salesforce receive them as 0-100.
CREATE TABLE crmsync.account_metric (
    run_id                 bigint  NOT NULL REFERENCES crmsync.metric_run (id) ON DELETE CASCADE,
    account_id             text    NOT NULL,
    segment                text    NOT NULL,  -- '(none)' when the segment field is empty
    is_customer            boolean NOT NULL,  -- at least one won deal dated <= as-of
    first_purchase         date,
    repeat_purchase_value  numeric,
    growth_value           numeric,
    growth_volume          numeric,
    contact_frequency      numeric,
    csat                   numeric,
    nps                    numeric,
    response_time_hours    numeric,
    win_rate               numeric,
    resolution_rate        numeric,
    fcr_rate               numeric,
    engagement_score       numeric,
    avg_transaction_value  numeric,
    avg_payment_days       numeric,
    churn_cost             numeric,
    post_sale_satisfaction numeric,
    campaign_response_rate numeric,
    usage_days_per_week    numeric,
    upgrades_per_year      numeric,
    retained               boolean,
    records_used           jsonb   NOT NULL,  -- metric -> number of records that entered it
    PRIMARY KEY (run_id, account_id)
);

-- Portfolio metrics, for the whole org (segment '(all)') and for each segment, pooled over the
-- records of the org or segment (never a mean of account means). Names as on the snapshot object.
CREATE TABLE crmsync.segment_metric (
    run_id       bigint  NOT NULL REFERENCES crmsync.metric_run (id) ON DELETE CASCADE,
    segment      text    NOT NULL,
    metric       text    NOT NULL,
    value        numeric,
    records_used bigint  NOT NULL,
    PRIMARY KEY (run_id, segment, metric)
);

-- Data quality per metric and run: whether its source is configured, how many records entered,
-- and how many were skipped or flagged, by reason.
CREATE TABLE crmsync.metric_quality (
    run_id          bigint  NOT NULL REFERENCES crmsync.metric_run (id) ON DELETE CASCADE,
    metric          text    NOT NULL,
    configured      boolean NOT NULL,
    records_used    bigint  NOT NULL,
    records_skipped bigint  NOT NULL,
    reasons         jsonb   NOT NULL DEFAULT '{}',  -- reason -> count, e.g. {"null Amount (counted as 0)": 12}
    PRIMARY KEY (run_id, metric)
);

-- Customer lifetime value per customer and run (time unit in metric_run.settings -> Clv.TimeUnit).
CREATE TABLE crmsync.account_clv (
    run_id              bigint  NOT NULL REFERENCES crmsync.metric_run (id) ON DELETE CASCADE,
    account_id          text    NOT NULL,
    purchases           integer NOT NULL,  -- days with at least one won deal
    frequency           integer NOT NULL,  -- x: repeat purchases
    recency             double precision NOT NULL,  -- t_x: last purchase - first purchase
    age                 double precision NOT NULL,  -- T: as-of - first purchase
    repeat_value        numeric,           -- mean value of the repeat purchases
    clv_historical      numeric,
    p_alive             double precision,
    expected_purchases  double precision,
    expected_deal_value numeric,
    clv_predicted       numeric,
    clv_tier            text,
    next_best_action    text,
    next_purchase_date  date,
    PRIMARY KEY (run_id, account_id)
);

-- The fitted models of a run: parameters, log-likelihood, convergence.
CREATE TABLE crmsync.clv_fit (
    run_id         bigint NOT NULL REFERENCES crmsync.metric_run (id) ON DELETE CASCADE,
    model          text   NOT NULL CHECK (model IN ('bgnbd', 'gamma_gamma')),
    parameters     jsonb  NOT NULL,
    log_likelihood double precision,
    converged      boolean NOT NULL,
    iterations     integer NOT NULL,
    customers      integer NOT NULL,
    message        text,
    PRIMARY KEY (run_id, model)
);

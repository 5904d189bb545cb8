-- The Salesforce records CrmSync reads, one table per logical source (mappings/sources/*.yaml).
-- Columns carry CrmSync's logical names (deal.amount, not Opportunity.Amount), so the metric SQL
-- does not change when an admin maps another field. Every table has:
--   id               the Salesforce record Id
--   system_modstamp  SystemModstamp of the version whose content is stored here (a change to
--                    fields CrmSync does not read, such as its own write-backs, is not rewritten)
--   raw              fields listed under 'keep:' in the mapping, as JSON
--   synced_at        when this row last changed here
-- Records deleted in Salesforce are deleted here.

CREATE TABLE crmsync.sf_account (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    name            text,
    segment         text,
    created_at      timestamptz,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crmsync.sf_deal (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    amount          numeric,
    close_date      date,
    is_closed       boolean,
    is_won          boolean,
    stage           text,
    type            text,
    created_at      timestamptz,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_deal_account ON crmsync.sf_deal (account_id, close_date);

CREATE TABLE crmsync.sf_case (
    id                       text PRIMARY KEY,
    system_modstamp          timestamptz NOT NULL,
    account_id               text,
    created_at               timestamptz,
    closed_at                timestamptz,
    is_closed                boolean,
    status                   text,
    first_response_at        timestamptz,
    first_contact_resolution boolean,
    raw                      jsonb NOT NULL DEFAULT '{}',
    synced_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_case_account ON crmsync.sf_case (account_id);

CREATE TABLE crmsync.sf_campaign (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    name            text,
    type            text,
    start_date      date,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crmsync.sf_campaign_member (
    id                   text PRIMARY KEY,
    system_modstamp      timestamptz NOT NULL,
    campaign_id          text,
    contact_id           text,
    lead_id              text,
    has_responded        boolean,
    created_at           timestamptz,
    first_responded_date date,
    raw                  jsonb NOT NULL DEFAULT '{}',
    synced_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_campaign_member_contact ON crmsync.sf_campaign_member (contact_id);

CREATE TABLE crmsync.sf_contact (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_contact_account ON crmsync.sf_contact (account_id);

CREATE TABLE crmsync.sf_lead (
    id                   text PRIMARY KEY,
    system_modstamp      timestamptz NOT NULL,
    created_at           timestamptz,
    is_converted         boolean,
    converted_date       date,
    converted_account_id text,
    raw                  jsonb NOT NULL DEFAULT '{}',
    synced_at            timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crmsync.sf_task (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    what_id         text,
    activity_date   date,
    status          text,
    is_closed       boolean,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_task_account ON crmsync.sf_task (account_id);

CREATE TABLE crmsync.sf_event (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    what_id         text,
    activity_date   date,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_event_account ON crmsync.sf_event (account_id);

CREATE TABLE crmsync.sf_survey (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    contact_id      text,
    type            text,
    score           numeric,
    responded_at    timestamptz,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_survey_account ON crmsync.sf_survey (account_id);

CREATE TABLE crmsync.sf_invoice (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    invoice_date    date,
    due_date        date,
    paid_date       date,
    amount          numeric,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_invoice_account ON crmsync.sf_invoice (account_id);

CREATE TABLE crmsync.sf_product_usage (
    id              text PRIMARY KEY,
    system_modstamp timestamptz NOT NULL,
    account_id      text,
    usage_date      date,
    events          numeric,
    raw             jsonb NOT NULL DEFAULT '{}',
    synced_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sf_product_usage_account ON crmsync.sf_product_usage (account_id);

-- Where each source's incremental pull stands. Moved in the same transaction as the rows it
-- covers, so a crash never leaves rows without their watermark or the reverse.
CREATE TABLE crmsync.sync_state (
    source                text PRIMARY KEY,
    object_name           text        NOT NULL,
    watermark             timestamptz,          -- SystemModstamp of the last row stored
    watermark_id          text,                 -- its Id: the tie-break among rows of one SystemModstamp
    fields_signature      text        NOT NULL, -- the pulled field list; a change forces a full pull
    full_pull_complete    boolean     NOT NULL DEFAULT false,
    rows_stored           bigint      NOT NULL DEFAULT 0,
    last_success_at       timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

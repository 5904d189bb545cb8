-- The account_id indexes of migration 0002 served no query: the metric SQL reads every row of
-- each sf_* table and hash-joins it to the run's accounts, and `kpi explain` does the same for
-- one account. Each one still cost a sort of the whole table at every first load (0.9 s per
-- million opportunities) and an index insertion for every merged row.
-- An index an admin adds for their own queries is kept, and rebuilt after a first load like the keys.

DROP INDEX crmsync.sf_deal_account;
DROP INDEX crmsync.sf_case_account;
DROP INDEX crmsync.sf_campaign_member_contact;
DROP INDEX crmsync.sf_contact_account;
DROP INDEX crmsync.sf_task_account;
DROP INDEX crmsync.sf_event_account;
DROP INDEX crmsync.sf_survey_account;
DROP INDEX crmsync.sf_invoice_account;
DROP INDEX crmsync.sf_product_usage_account;

-- The accounts of the run with their segment ('(none)' when the segment field is empty).
CREATE TEMP TABLE account_facts ON COMMIT DROP AS
SELECT a.id,
       coalesce(nullif(btrim(a.segment), ''), '(none)') AS segment,
       a.created_at
FROM crmsync.sf_account a
CROSS JOIN run_params p
WHERE p.only_account IS NULL OR a.id = p.only_account;

ALTER TABLE account_facts ADD PRIMARY KEY (id);

ANALYZE account_facts;

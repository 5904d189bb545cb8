-- Invoices; an invoice enters #13 when it was paid in W and has an invoice date.
CREATE TEMP TABLE invoice_facts ON COMMIT DROP AS
SELECT i.id,
       i.account_id,
       i.invoice_date,
       i.paid_date,
       i.paid_date > p.w_start_date AND i.paid_date <= p.as_of_date          AS paid_in_w,
       i.paid_date - i.invoice_date                                           AS payment_days,
       CASE WHEN a.id IS NULL                                  THEN 'no account'
            WHEN i.paid_date IS NOT NULL AND i.invoice_date IS NULL THEN 'missing date'
       END                                                                    AS skipped
FROM crmsync.sf_invoice i
CROSS JOIN run_params p
LEFT JOIN account_facts a ON a.id = i.account_id
WHERE 'invoice' = ANY (p.sources);

ANALYZE invoice_facts;

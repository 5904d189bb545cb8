-- Campaign members, with the account of their contact (none for leads). Read as of as-of.
CREATE TEMP TABLE member_facts ON COMMIT DROP AS
SELECT m.id,
       m.campaign_id,
       m.contact_id,
       m.lead_id,
       a.id                                                                   AS account_id,
       m.created_at,
       m.first_responded_date,
       m.created_at > p.w_start AND m.created_at <= p.as_of                   AS added_in_w,
       coalesce(m.has_responded, false)
           AND (m.first_responded_date IS NULL OR m.first_responded_date <= p.as_of_date) AS responded,
       coalesce(m.has_responded, false)
           AND m.first_responded_date > p.w_start_date
           AND m.first_responded_date <= p.as_of_date                         AS responded_in_w,
       CASE WHEN m.created_at IS NULL   THEN 'missing date'
            WHEN m.created_at > p.as_of THEN 'after as-of'
       END                                                                    AS skipped
FROM crmsync.sf_campaign_member m
CROSS JOIN run_params p
LEFT JOIN crmsync.sf_contact c ON c.id = m.contact_id AND 'contact' = ANY (p.sources)
LEFT JOIN account_facts a ON a.id = c.account_id
WHERE 'campaign_member' = ANY (p.sources);

ANALYZE member_facts;

-- The org's describes as last read by the sync, so a pull with nothing new does not ask Salesforce
-- for the object's fields every time (Sync:DescribeMaxAgeMinutes). name is an object's API name,
-- or '*' for describe global.

CREATE TABLE crmsync.describe_cache (
    name       text        PRIMARY KEY,
    body       jsonb       NOT NULL,
    fetched_at timestamptz NOT NULL
);

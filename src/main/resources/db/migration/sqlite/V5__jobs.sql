-- The last outcome and next run of each long job (harvests, embedding catch-up, reindex, digests), by
-- name; its lease is the row of the same name in leases (V2). Times are epoch milliseconds (UTC).
CREATE TABLE jobs (
    name            VARCHAR(200) PRIMARY KEY,
    last_success_at BIGINT,
    last_summary    TEXT,
    last_failure_at BIGINT,
    -- the last failure's message; cleared by the next success
    last_error      TEXT,
    next_due_at     BIGINT
);

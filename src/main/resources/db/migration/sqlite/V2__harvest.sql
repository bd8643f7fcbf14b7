-- Harvest bookkeeping. Times are epoch milliseconds (UTC) so both dialects store them alike.

-- Single-flight for long jobs: a row is held by one holder until it expires or is released.
CREATE TABLE leases (
    name       VARCHAR(200) PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- One row per harvested source and set, e.g. 'arxiv-oai:cs' or 'hf'.
CREATE TABLE harvest_state (
    source_key         VARCHAR(200) PRIMARY KEY,
    -- responseDate of the last completed harvest: the next run asks from this date.
    completed_response BIGINT,
    -- the run in progress: the token to resume with, the from it started with, its first responseDate.
    resumption_token   TEXT,
    run_from           VARCHAR(10),
    run_response       BIGINT,
    run_records        BIGINT       NOT NULL DEFAULT 0,
    last_success_at    BIGINT,
    last_records       BIGINT       NOT NULL DEFAULT 0,
    last_failure_at    BIGINT,
    last_error         TEXT,
    next_due_at        BIGINT
);

-- When the last request to each host ended, so a restart or a second process keeps the interval.
CREATE TABLE host_requests (
    host        VARCHAR(300) PRIMARY KEY,
    last_end_at BIGINT       NOT NULL
);

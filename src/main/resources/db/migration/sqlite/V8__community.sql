-- Accounts and the community (issue 10); docs/community.md describes every table. Times are epoch
-- milliseconds (UTC), as in V2 and V5; booleans are 0/1 integers. AUTOINCREMENT keeps SQLite from reusing the
-- id of a deleted row (a deleted account's id never names someone else). Secrets (sign-in tokens, session ids,
-- access tokens) are stored only as the lower-case hex SHA-256 of the secret. Rows that counters depend on
-- (votes, comments) reference users without ON DELETE CASCADE: an account is deleted by the store, which
-- adjusts the counters, never by a cascade.

CREATE TABLE users (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    -- normalised: stripped and lower-case
    email        TEXT NOT NULL UNIQUE,
    -- '' until the person chooses one
    display_name TEXT    NOT NULL DEFAULT '',
    is_admin     INTEGER NOT NULL DEFAULT 0,
    is_blocked   INTEGER NOT NULL DEFAULT 0,
    created_at   BIGINT  NOT NULL
);

-- Magic links. nonce_hash binds a link to the browser that asked for it (the hash of a cookie's value);
-- NULL for links made on the command line. used_at is set once, by the single statement that redeems it.
CREATE TABLE login_tokens (
    token_hash TEXT PRIMARY KEY,
    email      TEXT NOT NULL,
    nonce_hash TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

CREATE INDEX login_tokens_email ON login_tokens (email, created_at);
CREATE INDEX login_tokens_expiry ON login_tokens (expires_at);

-- Signed-in browsers, shared by every serve process on this database.
CREATE TABLE sessions (
    id_hash      TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_last_seen ON sessions (last_seen_at);

-- Personal access tokens for the JSON API (Authorization: Bearer).
CREATE TABLE access_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    name         TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);

CREATE INDEX access_tokens_user ON access_tokens (user_id, id);

-- This instance's votes and visible comments per paper, kept in step with votes and comments in the
-- transactions that change them, so lists read one row per card instead of counting.
CREATE TABLE paper_counts (
    paper_id TEXT PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    votes    INTEGER NOT NULL DEFAULT 0,
    comments INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE votes (
    user_id    INTEGER NOT NULL REFERENCES users (id),
    paper_id   TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, paper_id)
);

CREATE INDEX votes_paper ON votes (paper_id);

-- One level of replies: parent_id is always a top-level comment. user_id is NULL once the author deleted
-- their account and the comment stayed as a placeholder for its replies. A comment counts in paper_counts
-- while it is neither deleted nor hidden.
CREATE TABLE comments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    paper_id   TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users (id),
    parent_id  INTEGER REFERENCES comments (id),
    body       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    edited_at  BIGINT,
    is_deleted INTEGER NOT NULL DEFAULT 0,
    is_hidden  INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX comments_paper ON comments (paper_id, id);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE INDEX comments_user ON comments (user_id, id);

CREATE TABLE collections (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    is_public   INTEGER NOT NULL,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);

CREATE INDEX collections_owner ON collections (owner_id, id);

CREATE TABLE collection_papers (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    paper_id      TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    added_at      BIGINT NOT NULL,
    PRIMARY KEY (collection_id, paper_id)
);

CREATE INDEX collection_papers_newest ON collection_papers (collection_id, added_at DESC, paper_id);
CREATE INDEX collection_papers_paper ON collection_papers (paper_id);

-- Who submitted a paper to a day's list here; the list itself reads the hub_entries row (hub 'local') written
-- in the same transaction. One per paper and day: the first submitter keeps it.
CREATE TABLE submissions (
    paper_id     TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    list_date    TEXT NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    submitted_at BIGINT NOT NULL,
    PRIMARY KEY (paper_id, list_date)
);

CREATE INDEX submissions_user ON submissions (user_id, list_date);

-- Papers an admin hid from lists; lists leave out the papers with a row here.
CREATE TABLE hidden_papers (
    paper_id  TEXT PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    hidden_at BIGINT NOT NULL
);

-- Every moderation act. moderator is who did it as shown on the admin page (their email then, or
-- 'operator' for the command line), kept when the moderator's account goes.
CREATE TABLE moderation_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    moderator_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    moderator    TEXT   NOT NULL,
    action       TEXT   NOT NULL,
    target       TEXT   NOT NULL,
    reason       TEXT   NOT NULL,
    created_at   BIGINT NOT NULL
);

-- Papers: one row per paper id. List-valued fields are JSON text; the columns used for listing,
-- filtering and change tracking are real columns. Instants are fixed-width ISO-8601 UTC text with
-- nanoseconds (e.g. 2024-03-18T17:59:59.000000000Z): lossless (timestamptz keeps only microseconds),
-- and with the "C" collation text order is time order and id order matches SQLite's.
CREATE TABLE papers (
    id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    version          INTEGER NOT NULL,
    title            TEXT    NOT NULL,
    authors          TEXT    NOT NULL,
    abstract         TEXT    NOT NULL,
    categories       TEXT    NOT NULL,
    primary_category TEXT COLLATE "C",
    published        TEXT COLLATE "C",
    updated          TEXT COLLATE "C",
    doi              TEXT,
    journal_ref      TEXT,
    comments         TEXT,
    license          TEXT,
    link_abs         TEXT,
    link_pdf         TEXT,
    link_code        TEXT,
    link_project     TEXT,
    source           TEXT,
    keywords         TEXT    NOT NULL,
    versions         TEXT    NOT NULL,
    -- Bumped on every insert or update from paper_seq, strictly increasing across transactions
    -- (writers serialise on an advisory lock, so sequence order is also commit order).
    seq              BIGINT  NOT NULL
);

CREATE SEQUENCE paper_seq AS BIGINT;

CREATE UNIQUE INDEX papers_seq ON papers (seq);
CREATE INDEX papers_newest ON papers (published DESC NULLS LAST, id DESC);
CREATE INDEX papers_primary_newest ON papers (primary_category, published DESC NULLS LAST);
CREATE INDEX papers_updated ON papers (updated);

-- A paper's appearance on an external daily list; list_date is ISO text (YYYY-MM-DD), as on SQLite.
CREATE TABLE hub_entries (
    paper_id     TEXT COLLATE "C" NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    hub          TEXT COLLATE "C" NOT NULL,
    list_date    TEXT COLLATE "C" NOT NULL,
    submitter    TEXT,
    upvotes      INTEGER NOT NULL,
    comments     INTEGER NOT NULL,
    github_stars INTEGER,
    PRIMARY KEY (paper_id, hub, list_date)
);

CREATE INDEX hub_entries_day ON hub_entries (hub, list_date);

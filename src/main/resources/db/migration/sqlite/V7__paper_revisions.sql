-- What changed in a paper's title, abstract or authors when the store took a newer arXiv version of it:
-- one row per version that brought a change, with the values it replaced (null where that field did not
-- change). The papers table keeps only the latest metadata, so this is the only record of earlier ones.
-- Written by the store's upsert; nothing can be backfilled for versions stored before this table existed.
CREATE TABLE paper_revisions (
    paper_id          TEXT    NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    -- the version that brought the change, and the version stored before it (versions may be skipped)
    version           INTEGER NOT NULL,
    previous_version  INTEGER NOT NULL,
    previous_title    TEXT,
    -- JSON, as papers.authors
    previous_authors  TEXT,
    previous_abstract TEXT,
    PRIMARY KEY (paper_id, version)
);

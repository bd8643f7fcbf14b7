-- Every (paper, category) pair, for category and archive listings newest first: a paper is listed under
-- each of its categories (cross-lists too). archive is the part before the dot (cs for cs.LG) or the whole
-- name (hep-th); published copies papers.published so that a listing is one index range scan.
-- The store rewrites a paper's rows whenever its categories or published date change.
CREATE TABLE paper_categories (
    paper_id  TEXT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    category  TEXT NOT NULL,
    archive   TEXT NOT NULL,
    published TEXT,
    PRIMARY KEY (paper_id, category)
) WITHOUT ROWID;

-- Backfill from the JSON column of the papers stored so far.
INSERT OR IGNORE INTO paper_categories (paper_id, category, archive, published)
SELECT p.id, c.value,
       CASE WHEN instr(c.value, '.') > 0 THEN substr(c.value, 1, instr(c.value, '.') - 1) ELSE c.value END,
       p.published
FROM papers p, json_each(p.categories) c
WHERE c.type = 'text';

CREATE INDEX paper_categories_newest ON paper_categories (category, published DESC, paper_id DESC);
CREATE INDEX paper_categories_archive ON paper_categories (archive, published DESC, paper_id DESC);

-- Featured lists page by (day, paper id) within one hub: the old (hub, list_date) index left the ids unsorted.
DROP INDEX hub_entries_day;
CREATE INDEX hub_entries_featured ON hub_entries (hub, list_date DESC, paper_id DESC);

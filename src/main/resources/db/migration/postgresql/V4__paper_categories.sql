-- Every (paper, category) pair, for category and archive listings newest first: a paper is listed under
-- each of its categories (cross-lists too). archive is the part before the dot (cs for cs.LG) or the whole
-- name (hep-th); published copies papers.published so that a listing is one index range scan.
-- The store rewrites a paper's rows whenever its categories or published date change.
CREATE TABLE paper_categories (
    paper_id  TEXT COLLATE "C" NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    category  TEXT COLLATE "C" NOT NULL,
    archive   TEXT COLLATE "C" NOT NULL,
    published TEXT COLLATE "C",
    PRIMARY KEY (paper_id, category)
);

-- Backfill from the JSON column of the papers stored so far.
INSERT INTO paper_categories (paper_id, category, archive, published)
SELECT p.id, c.value, split_part(c.value, '.', 1), p.published
FROM papers p CROSS JOIN LATERAL jsonb_array_elements_text(p.categories::jsonb) AS c (value)
WHERE c.value IS NOT NULL
ON CONFLICT DO NOTHING;

CREATE INDEX paper_categories_newest ON paper_categories (category, published DESC NULLS LAST, paper_id DESC);
CREATE INDEX paper_categories_archive ON paper_categories (archive, published DESC NULLS LAST, paper_id DESC);

-- Featured lists page by (day, paper id) within one hub: the old (hub, list_date) index left the ids unsorted.
DROP INDEX hub_entries_day;
CREATE INDEX hub_entries_featured ON hub_entries (hub, list_date DESC, paper_id DESC);

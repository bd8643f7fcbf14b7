package dev.paperboy.search.lucene;

/** The Lucene field names of the paper index, in one place. */
final class Fields {
    private Fields() {}

    /** The paper id, exact; the key of {@code updateDocument}. */
    static final String ID = "id";
    /**
     * Title and abstract in one field analysed with English stemming: BM25 over one combined field
     * scored best on SciFact (0.70 against 0.67 for separate fields). Offsets are in the postings, for snippets.
     */
    static final String TEXT = "text";
    /** Author names, analysed without stemming, for {@code author:} and as a weak signal for plain words. */
    static final String AUTHORS = "authors";
    /** Canonical category names, exact, for {@code cat:cs.CL}. */
    static final String CATEGORY = "category";
    /** The archive part of each category ({@code cs}, {@code astro-ph}), for {@code cat:cs}. */
    static final String ARCHIVE = "archive";
    /** The paper's date as epoch days: a point for ranges, doc values for sorting, stored for display. */
    static final String DATE = "date";
    /**
     * What the budget lens says the paper saves, one value per resource: indexed for {@code saves:} and
     * with sorted-set doc values so a search can count its results per resource in one pass.
     */
    static final String SAVES = "saves";
    /** The lens's one-line card summary ("5.1× faster · memory"), stored only, so cards need no store read. */
    static final String CHIP = "chip";
    /** The unit-length passage embedding; absent until the paper has been embedded. */
    static final String VECTOR = "vector";

    // Stored only, for display.
    static final String TITLE = "title";
    /** Stored only: the highlighter marks it with the offsets of {@link #TEXT} (see {@code Snippets}). */
    static final String ABSTRACT = "abstract";
    static final String AUTHOR_LIST = "author_list";
    static final String CATEGORY_LIST = "category_list";
}

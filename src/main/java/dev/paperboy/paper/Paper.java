package dev.paperboy.paper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paper as Paperboy keeps it; build one with {@link #builder}. {@code id} is the arXiv base id ({@code 2403.12345},
 * {@code hep-th/9901001}) or, for papers without one, a stable id derived from their source
 * (see {@link PaperIds}). {@code version} is 0 when unknown. Optional text fields are null when absent.
 */
public record Paper(
        String id,
        int version,
        String title,
        List<Author> authors,
        String abstractText,
        List<String> categories,
        Instant published,
        Instant updated,
        String doi,
        String journalRef,
        String comments,
        String license,
        Links links,
        String source,
        List<String> keywords,
        List<PaperVersion> versions,
        List<HubEntry> hubEntries) {

    public Paper {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        abstractText = abstractText == null ? "" : abstractText;
        categories = categories == null ? List.of() : Categories.canonical(categories);
        links = links == null ? Links.NONE : links;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        versions = versions == null ? List.of() : List.copyOf(versions);
        hubEntries = hubEntries == null ? List.of() : List.copyOf(hubEntries);
    }

    /** A builder for a paper with this id; unset fields are absent (null text, empty lists). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder starting from this paper's fields, to change a few. */
    public Builder toBuilder() {
        return new Builder(id).version(version).title(title).authors(authors).abstractText(abstractText)
                .categories(categories).published(published).updated(updated).doi(doi).journalRef(journalRef)
                .comments(comments).license(license).links(links).source(source).keywords(keywords)
                .versions(versions).hubEntries(hubEntries);
    }

    /** The arXiv id with this record's version, when the paper is from arXiv. */
    public java.util.Optional<ArxivId> arxivId() {
        return PaperIds.isArxiv(id) ? ArxivId.parse(id).map(a -> a.withVersion(version)) : java.util.Optional.empty();
    }

    public String primaryCategory() {
        return categories.isEmpty() ? null : categories.getFirst();
    }

    /**
     * Combines this record with a stored one of the same paper. The record with the higher version
     * wins field by field (ties: see {@link #winsTieWith}); the other only fills gaps. Hub entries are
     * united (newest copy of a day wins).
     */
    public Paper mergedWith(Paper stored) {
        if (stored == null) return this;
        boolean thisWins = version != stored.version ? version > stored.version : winsTieWith(stored);
        Paper win = thisWins ? this : stored;
        Paper lose = thisWins ? stored : this;
        return builder(id)
                .version(Math.max(version, stored.version))
                .title(pick(win.title, lose.title))
                .authors(win.authors.isEmpty() ? lose.authors : win.authors)
                .abstractText(pick(win.abstractText, lose.abstractText))
                .categories(win.categories.isEmpty() ? lose.categories : win.categories)
                .published(earliest(win.published, lose.published))
                .updated(win.updated != null ? win.updated : lose.updated)
                .doi(pick(win.doi, lose.doi))
                .journalRef(pick(win.journalRef, lose.journalRef))
                .comments(pick(win.comments, lose.comments))
                .license(pick(win.license, lose.license))
                .links(win.links.orElse(lose.links))
                .source(win.source != null ? win.source : lose.source)
                .keywords(win.keywords.isEmpty() ? lose.keywords : win.keywords)
                .versions(mergeVersions(win.versions, lose.versions))
                .hubEntries(mergeHub(stored.hubEntries, hubEntries))
                .build();
    }

    /**
     * Between two records of the same version: the later-updated one wins; otherwise a record from the
     * stored record's own source wins (a correction) and one from another source only fills gaps, so
     * re-importing several sources in any order changes nothing.
     */
    private boolean winsTieWith(Paper stored) {
        if (updated != null && stored.updated != null && !updated.equals(stored.updated)) {
            return updated.isAfter(stored.updated);
        }
        return Objects.equals(source, stored.source);
    }

    private static String pick(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }

    private static List<PaperVersion> mergeVersions(List<PaperVersion> a, List<PaperVersion> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        var byNumber = new java.util.TreeMap<Integer, PaperVersion>();
        for (PaperVersion v : b) byNumber.put(v.version(), v);
        for (PaperVersion v : a) byNumber.put(v.version(), v);
        return List.copyOf(byNumber.values());
    }

    private static List<HubEntry> mergeHub(List<HubEntry> older, List<HubEntry> newer) {
        if (newer.isEmpty()) return older;
        List<HubEntry> out = new ArrayList<>(newer);
        for (HubEntry e : older) {
            boolean replaced = newer.stream()
                    .anyMatch(n -> n.hub().equals(e.hub()) && Objects.equals(n.listDate(), e.listDate()));
            if (!replaced) out.add(e);
        }
        out.sort(java.util.Comparator.comparing(HubEntry::listDate,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return out;
    }

    /** Sets a paper's fields by name; {@link #build} applies the record's normalisation. */
    public static final class Builder {
        private final String id;
        private int version;
        private String title;
        private List<Author> authors;
        private String abstractText;
        private List<String> categories;
        private Instant published;
        private Instant updated;
        private String doi;
        private String journalRef;
        private String comments;
        private String license;
        private Links links;
        private String source;
        private List<String> keywords;
        private List<PaperVersion> versions;
        private List<HubEntry> hubEntries;

        private Builder(String id) {
            this.id = id;
        }

        public Builder version(int version) { this.version = version; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder authors(List<Author> authors) { this.authors = authors; return this; }
        public Builder abstractText(String abstractText) { this.abstractText = abstractText; return this; }
        public Builder categories(List<String> categories) { this.categories = categories; return this; }
        public Builder published(Instant published) { this.published = published; return this; }
        public Builder updated(Instant updated) { this.updated = updated; return this; }
        public Builder doi(String doi) { this.doi = doi; return this; }
        public Builder journalRef(String journalRef) { this.journalRef = journalRef; return this; }
        public Builder comments(String comments) { this.comments = comments; return this; }
        public Builder license(String license) { this.license = license; return this; }
        public Builder links(Links links) { this.links = links; return this; }
        public Builder source(String source) { this.source = source; return this; }
        public Builder keywords(List<String> keywords) { this.keywords = keywords; return this; }
        public Builder versions(List<PaperVersion> versions) { this.versions = versions; return this; }
        public Builder hubEntries(List<HubEntry> hubEntries) { this.hubEntries = hubEntries; return this; }

        public Paper build() {
            return new Paper(id, version, title, authors, abstractText, categories, published, updated, doi,
                    journalRef, comments, license, links, source, keywords, versions, hubEntries);
        }
    }
}

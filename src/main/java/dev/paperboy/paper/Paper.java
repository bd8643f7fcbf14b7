package dev.paperboy.paper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paper as Paperboy keeps it. {@code id} is the arXiv base id ({@code 2403.12345},
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
        return new Paper(
                id,
                Math.max(version, stored.version),
                pick(win.title, lose.title),
                win.authors.isEmpty() ? lose.authors : win.authors,
                pick(win.abstractText, lose.abstractText),
                win.categories.isEmpty() ? lose.categories : win.categories,
                earliest(win.published, lose.published),
                win.updated != null ? win.updated : lose.updated,
                pick(win.doi, lose.doi),
                pick(win.journalRef, lose.journalRef),
                pick(win.comments, lose.comments),
                pick(win.license, lose.license),
                win.links.orElse(lose.links),
                win.source != null ? win.source : lose.source,
                win.keywords.isEmpty() ? lose.keywords : win.keywords,
                mergeVersions(win.versions, lose.versions),
                mergeHub(stored.hubEntries, hubEntries));
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
}

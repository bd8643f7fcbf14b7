package dev.paperboy.api;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.util.Optional;

/** Finds a stored paper by the id people type: a base id, a versioned arXiv id, or a derived id. */
public final class PaperLookup {
    private PaperLookup() {}

    /** The stored id that {@code raw} names: the arXiv base id when it parses as one, else the text itself. */
    public static String canonicalId(String raw) {
        String s = raw == null ? "" : raw.strip();
        return ArxivId.parse(s).map(ArxivId::base).orElse(s);
    }

    /** The stored paper that {@code raw} names. */
    public static Optional<Paper> find(PaperStore papers, String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() || s.length() > 300) return Optional.empty();
        Optional<Paper> exact = papers.find(s);
        if (exact.isPresent()) return exact;
        String canonical = canonicalId(s);
        return canonical.equals(s) ? Optional.empty() : papers.find(canonical);
    }
}

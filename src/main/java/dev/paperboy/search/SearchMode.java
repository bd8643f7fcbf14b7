package dev.paperboy.search;

import java.util.Locale;
import java.util.Optional;

/** Which legs rank the results. */
public enum SearchMode {
    BM25,
    DENSE,
    HYBRID;

    /** Parses {@code bm25}, {@code dense} or {@code hybrid}, case-insensitively. */
    public static Optional<SearchMode> parse(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

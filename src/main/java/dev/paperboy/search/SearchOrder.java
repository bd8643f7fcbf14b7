package dev.paperboy.search;

import java.util.Locale;
import java.util.Optional;

/** How results are ordered: by fused relevance or newest first. */
public enum SearchOrder {
    RELEVANCE,
    DATE;

    /** Parses {@code relevance} or {@code date}, case-insensitively. */
    public static Optional<SearchOrder> parse(String s) {
        if (s == null || s.isBlank()) return Optional.empty();
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

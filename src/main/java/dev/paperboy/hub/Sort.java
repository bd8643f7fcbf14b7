package dev.paperboy.hub;

import java.util.Locale;
import java.util.Optional;

/** How a list is ordered: by trending score, by every vote (here and on Hugging Face), or newest first. */
public enum Sort {
    TRENDING,
    VOTES,
    NEWEST;

    /** The value in URLs. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code trending}, {@code votes} or {@code newest}, case-insensitively. */
    public static Optional<Sort> parse(String s) {
        if (s == null) return Optional.empty();
        for (Sort v : values()) if (v.key().equalsIgnoreCase(s.strip())) return Optional.of(v);
        return Optional.empty();
    }
}

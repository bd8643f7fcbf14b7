package dev.paperboy.paper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a newest-first listing continues: after the item at {@code at} (a paper's published instant, or
 * the start of a hub day in UTC) with id {@code id}. Keyset paging: the next page starts from an index
 * position instead of counting past every earlier row, so page 1,000 costs what page 1 costs.
 */
public record PageKey(Instant at, String id) {

    public PageKey {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /** The key as text for links ({@code 2024-03-18T17:59:59Z_2403.12345}); {@link #parse} reads it back. */
    public String token() {
        return at + "_" + id;
    }

    /** Reads {@link #token}'s form; empty when it is not one. */
    public static Optional<PageKey> parse(String token) {
        // An instant's text has no '_', so the first one ends it; ids may contain anything after it.
        int sep = token == null ? -1 : token.indexOf('_');
        if (sep <= 0 || sep == token.length() - 1) return Optional.empty();
        try {
            return Optional.of(new PageKey(Instant.parse(token.substring(0, sep)), token.substring(sep + 1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when an item at {@code at} with {@code id} comes after this key in newest-first order. */
    public boolean precedes(Instant at, String id) {
        int c = at.compareTo(this.at);
        return c < 0 || (c == 0 && id.compareTo(this.id) < 0);
    }
}

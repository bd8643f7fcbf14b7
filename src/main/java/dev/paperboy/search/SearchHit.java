package dev.paperboy.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One result. {@code snippet} is text split into plain and highlighted segments, so the page escapes
 * everything and marks the highlighted parts itself; {@code date} is null when unknown; {@code chip} and
 * {@code saves} are the budget lens's card summary and resources as indexed ("" and empty when none).
 */
public record SearchHit(
        String id,
        String title,
        List<String> authors,
        List<String> categories,
        LocalDate date,
        double score,
        List<Segment> snippet,
        String chip,
        List<String> saves) {

    public SearchHit {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        snippet = List.copyOf(snippet);
        chip = chip == null ? "" : chip;
        saves = saves == null ? List.of() : List.copyOf(saves);
    }

    /** A result without lens information. */
    public SearchHit(String id, String title, List<String> authors, List<String> categories, LocalDate date,
            double score, List<Segment> snippet) {
        this(id, title, authors, categories, date, score, snippet, "", List.of());
    }

    /** A run of snippet text; {@code highlighted} when it matched the query. */
    public record Segment(String text, boolean highlighted) {}
}

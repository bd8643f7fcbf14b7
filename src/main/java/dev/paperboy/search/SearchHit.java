package dev.paperboy.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One result. {@code snippet} is text split into plain and highlighted segments, so the page escapes
 * everything and marks the highlighted parts itself; {@code date} is null when unknown.
 */
public record SearchHit(
        String id,
        String title,
        List<String> authors,
        List<String> categories,
        LocalDate date,
        double score,
        List<Segment> snippet) {

    public SearchHit {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        snippet = List.copyOf(snippet);
    }

    /** A run of snippet text; {@code highlighted} when it matched the query. */
    public record Segment(String text, boolean highlighted) {}
}

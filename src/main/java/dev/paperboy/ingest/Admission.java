package dev.paperboy.ingest;

import dev.paperboy.paper.Categories;
import dev.paperboy.paper.Limits;
import dev.paperboy.paper.Paper;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one check every record passes on its way to the store, whatever its path (file import, OAI-PMH,
 * arXiv API, Hugging Face): categories that are not shaped like arXiv's are dropped with a note, and a
 * record that breaks {@link Limits} is rejected with its place. Parsers only parse; whoever stores what a
 * parser reads wraps its sink in this.
 */
public final class Admission implements RecordSink {
    /** What the note on a record with non-arXiv categories says (commands sum these notes up). */
    public static final String DROPPED_CATEGORIES = "categories that are not arXiv categories dropped";

    private final RecordSink next;
    private long records;

    public Admission(RecordSink next) {
        this.next = next;
    }

    @Override
    public void accept(Paper paper) {
        accept("record " + (records + 1), paper);
    }

    @Override
    public void accept(String where, Paper paper) {
        records++;
        Paper p = paper;
        if (!Categories.allValid(p.categories())) {
            List<String> invalid = p.categories().stream().filter(c -> !Categories.isValid(c)).toList();
            next.note(place(where, p) + ": " + DROPPED_CATEGORIES + ": "
                    + invalid.stream().map(Admission::quote).collect(Collectors.joining(", ")));
            p = p.toBuilder().categories(p.categories().stream().filter(Categories::isValid).toList()).build();
        }
        List<String> problems = Limits.problems(p);
        if (!problems.isEmpty()) {
            next.reject(place(where, p), String.join("; ", problems));
            return;
        }
        next.accept(where, p);
    }

    @Override
    public void reject(String where, String reason) {
        records++;
        next.reject(where, reason);
    }

    @Override
    public void skip(String where, String reason) {
        next.skip(where, reason);
    }

    @Override
    public void note(String message) {
        next.note(message);
    }

    private static String place(String where, Paper p) {
        return where + " (" + (p.id().length() > 80 ? p.id().substring(0, 80) + "…" : p.id()) + ")";
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
}

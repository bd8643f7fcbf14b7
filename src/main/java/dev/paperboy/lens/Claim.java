package dev.paperboy.lens;

import java.util.List;
import java.util.Objects;

/**
 * One headline number of a paper. Offsets are char positions in the text the extractor read,
 * {@code title + "\n\n" + abstract}: {@code start/end} cover {@code text}, {@code sentenceStart/sentenceEnd}
 * its sentence. {@code resource} is a key of {@link Lens#RESOURCES} or null.
 */
public record Claim(String text, double value, String unit, String kind, String resource,
                    int sentenceStart, int sentenceEnd, int start, int end) {

    public static final List<String> UNITS =
            List.of("x", "%", "$", "GB", "MB", "params", "tokens", "words", "FPS", "s", "points", "other");
    public static final List<String> KINDS =
            List.of("speedup", "reduction", "improvement", "accuracy", "cost", "size", "budget", "other");

    public Claim {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        if (start > end || sentenceStart > start || end > sentenceEnd) {
            throw new IllegalArgumentException("lens: claim span outside its sentence: " + text);
        }
    }
}

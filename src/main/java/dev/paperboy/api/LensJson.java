package dev.paperboy.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.paperboy.lens.Claim;
import dev.paperboy.lens.Lens;
import java.util.List;

/**
 * A paper's budget lens on the wire. Offsets are char positions in {@code title + "\n\n" + abstract}
 * ({@code LensExtractor.input}); {@code span} covers the claim's text, {@code sentence} the sentence holding it.
 */
@JsonPropertyOrder({"version", "resources", "chip", "claims"})
public record LensJson(
        @JsonProperty("version") int version,
        @JsonProperty("resources") List<String> resources,
        @JsonProperty("chip") String chip,
        @JsonProperty("claims") List<ClaimJson> claims) {

    @JsonPropertyOrder({"text", "value", "unit", "kind", "resource", "sentence", "span"})
    public record ClaimJson(
            @JsonProperty("text") String text,
            @JsonProperty("value") double value,
            @JsonProperty("unit") String unit,
            @JsonProperty("kind") String kind,
            @JsonProperty("resource") String resource,
            @JsonProperty("sentence") SpanJson sentence,
            @JsonProperty("span") SpanJson span) {}

    /** A half-open char range [start, end). */
    public record SpanJson(@JsonProperty("start") int start, @JsonProperty("end") int end) {}

    /** The wire form of a lens. */
    public static LensJson of(Lens lens) {
        return new LensJson(lens.version(), lens.resources(), lens.chip(),
                lens.claims().stream().map(LensJson::claim).toList());
    }

    private static ClaimJson claim(Claim c) {
        return new ClaimJson(c.text(), c.value(), c.unit(), c.kind(), c.resource(),
                new SpanJson(c.sentenceStart(), c.sentenceEnd()), new SpanJson(c.start(), c.end()));
    }
}

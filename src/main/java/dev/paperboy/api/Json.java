package dev.paperboy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** The one JSON configuration of the API and the export: ISO-8601 dates, nulls kept, unknown fields ignored. */
public final class Json {

    private final ObjectMapper mapper;

    public Json() {
        mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A paper line is at most a few hundred kB (see Limits); refuse anything far beyond that.
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(1_000_000).maxNestingDepth(50).build());
    }

    /** The value as compact JSON. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("json: unable to write " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Parses a JSON text (a request body) into a tree. */
    public JsonNode readTree(String text) throws IOException {
        return mapper.readTree(text);
    }

    /** Writes one paper as one line of JSON (no trailing newline). */
    public void writePaper(Paper paper, Writer out) {
        try {
            out.write(write(PaperJson.of(paper)));
        } catch (IOException e) {
            throw new UncheckedIOException("json: unable to write paper " + paper.id(), e);
        }
    }

    /** Reads one JSON line written by {@link #writePaper}. */
    public Paper readPaper(String line) throws IOException {
        return toPaper(mapper.readValue(line, PaperJson.class));
    }

    /** Reads one paper object already parsed into a tree. */
    public Paper readPaper(JsonNode node) throws IOException {
        return toPaper(mapper.treeToValue(node, PaperJson.class));
    }

    private static Paper toPaper(PaperJson pj) throws IOException {
        if (pj == null || pj.id() == null || pj.id().isBlank()) throw new IOException("json: paper has no id");
        return pj.toPaper();
    }
}

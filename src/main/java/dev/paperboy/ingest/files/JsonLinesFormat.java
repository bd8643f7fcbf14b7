package dev.paperboy.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.ingest.FileFormat;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/** A JSON-lines format: one object per line, each mapped to a paper on its own, a bad line rejected alone. */
public abstract class JsonLinesFormat implements FileFormat {

    /**
     * Longest line read: a 3,303-author record is ~60 KB and a 100 KB title must still reach the limits check,
     * while the tree of one line stays a few tens of MB at most.
     */
    static final int MAX_LINE_CHARS = 2_000_000;

    private final ObjectMapper mapper = JsonFields.newMapper();

    /** True when the first object's top-level keys are this format's. */
    protected abstract boolean matchesKeys(Set<String> keys);

    /** Maps one line's object to a paper; throws {@link RecordException} for a record it cannot map. */
    protected abstract Paper map(JsonNode obj);

    @Override
    public boolean sniff(String head, String fileName) {
        String s = head.stripLeading();
        if (!s.startsWith("{")) return false;
        return matchesKeys(JsonFields.firstObjectKeys(s));
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_CHARS);
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            String where = "line " + line.number();
            if (line.tooLong()) {
                sink.reject(where, "line longer than " + MAX_LINE_CHARS + " characters");
                continue;
            }
            if (line.text().isBlank()) continue;
            JsonNode obj;
            try {
                obj = mapper.readTree(line.text());
            } catch (JsonProcessingException e) {
                sink.reject(where, "malformed JSON: " + e.getOriginalMessage());
                continue;
            }
            if (obj == null || !obj.isObject()) {
                sink.reject(where, "not a JSON object");
                continue;
            }
            emit(sink, where, obj);
        }
    }

    private void emit(RecordSink sink, String where, JsonNode obj) {
        Paper paper;
        try {
            paper = map(obj);
        } catch (RecordException e) {
            sink.reject(withId(where, obj), e.getMessage());
            return;
        }
        sink.accept(where, paper);
    }

    /** The place with the record's id when it has a readable one. */
    private static String withId(String where, JsonNode obj) {
        for (String key : List.of("id", "_id")) {
            JsonNode id = obj.get(key);
            if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                return where + " (" + JsonFields.abbreviate(id.asText()) + ")";
            }
        }
        return where;
    }
}

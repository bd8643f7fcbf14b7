package dev.paperboy.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.ingest.files.JsonLinesFormat;
import dev.paperboy.ingest.files.RecordException;
import dev.paperboy.paper.Paper;
import java.util.List;
import java.util.Set;

/** Reads back what {@code paperboy export} writes, so an export restores with {@code paperboy import}. */
public final class PaperJsonLinesFormat extends JsonLinesFormat {

    private final Json json;

    public PaperJsonLinesFormat(Json json) {
        this.json = json;
    }

    @Override
    public String name() {
        return "paperboy-export";
    }

    @Override
    protected boolean matchesKeys(Set<String> keys) {
        // Every exported object starts with exactly these keys in this order (PaperJson's property order);
        // no other known format has a "version" key next to "id".
        var list = List.copyOf(keys);
        return list.size() >= 3 && list.subList(0, 3).equals(List.of("id", "version", "title"));
    }

    @Override
    protected Paper map(JsonNode obj) {
        try {
            return json.readPaper(obj);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new RecordException(e.getMessage());
        }
    }
}

package dev.paperboy.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperIds;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A BEIR {@code corpus.jsonl}: {@code {"_id", "title", "text"}} per line, for search evaluation. */
public final class BeirCorpus extends JsonLinesFormat {

    public static final String SOURCE = "beir";

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public String name() {
        return "beir-corpus";
    }

    /** The paper id of a BEIR document id: {@code beir-<_id>} when it is plain, else a derived hash. */
    public static String paperId(String beirId) {
        return PLAIN_ID.matcher(beirId).matches() ? "beir-" + beirId : PaperIds.derived("beir", beirId);
    }

    @Override
    protected boolean matchesKeys(Set<String> keys) {
        return keys.contains("_id") && keys.contains("text");
    }

    @Override
    protected Paper map(JsonNode obj) {
        JsonNode idNode = obj.get("_id");
        String beirId;
        // BEIR writes ids as strings; some exports write plain numbers, which name the same document.
        if (idNode != null && idNode.isTextual() && !idNode.textValue().isBlank()) {
            beirId = idNode.textValue();
        } else if (idNode != null && idNode.isIntegralNumber()) {
            beirId = idNode.asText();
        } else {
            throw new RecordException("missing _id or not a string");
        }
        return Paper.builder(paperId(beirId))
                .title(Text.oneLine(JsonFields.text(obj, "title")))
                .abstractText(Text.paragraphs(JsonFields.text(obj, "text")))
                .source(SOURCE)
                .build();
    }
}

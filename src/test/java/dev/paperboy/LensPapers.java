package dev.paperboy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Real abstracts from the lens labelled set ({@code src/test/resources/lens/labelled.jsonl}) as papers. */
public final class LensPapers {
    private LensPapers() {}

    private static final Path LABELLED = Path.of("src/test/resources/lens/labelled.jsonl");

    /** LiteStage (2510.14211): one speed-up claim "up to 1.70x" (compute) and one accuracy claim "less than 4.0%". */
    public static final String LITESTAGE = "2510.14211";

    /** The labelled paper with this id, published at the given instant. */
    public static Paper paper(String id, String published) {
        try {
            ObjectMapper json = new ObjectMapper();
            for (String line : Files.readAllLines(LABELLED)) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                if (!n.get("id").asText().equals(id)) continue;
                return Paper.builder(id)
                        .version(1)
                        .title(n.get("title").asText())
                        .authors(List.of(new Author("Ada Lovelace")))
                        .abstractText(n.get("abstract").asText())
                        .categories(List.of("cs.CL"))
                        .published(Instant.parse(published))
                        .source("test")
                        .build();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no labelled paper " + id);
    }
}

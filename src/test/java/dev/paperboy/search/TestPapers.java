package dev.paperboy.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The fixture corpora: fourteen invented papers on distinct topics, and six with known budget-lens resources. */
public final class TestPapers {
    private TestPapers() {}

    public static List<Paper> load() {
        return load("/fixtures/search-papers.jsonl");
    }

    /** The six papers of {@code saves-papers.jsonl}, whose lens resources {@code SavesSearchTest} lists. */
    static List<Paper> loadSaves() {
        return load("/fixtures/saves-papers.jsonl");
    }

    private static List<Paper> load(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Paper> out = new ArrayList<>();
        try (InputStream in = TestPapers.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                List<Author> authors = new ArrayList<>();
                n.get("authors").forEach(a -> authors.add(new Author(a.asText())));
                List<String> cats = new ArrayList<>();
                n.get("categories").forEach(c -> cats.add(c.asText()));
                out.add(paper(n.get("id").asText(), n.get("title").asText(), n.get("abstract").asText(), authors, cats,
                        LocalDate.parse(n.get("published").asText())));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static Paper paper(String id, String title, String abstractText, List<Author> authors, List<String> cats,
            LocalDate published) {
        return Paper.builder(id)
                .version(1)
                .title(title)
                .authors(authors)
                .abstractText(abstractText)
                .categories(cats)
                .published(published == null ? null : published.atStartOfDay().toInstant(ZoneOffset.UTC))
                .source("test")
                .build();
    }
}

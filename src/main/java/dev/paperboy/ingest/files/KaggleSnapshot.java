package dev.paperboy.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.ingest.Tex;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The Kaggle "arXiv metadata OAI snapshot": JSON lines with {@code id, submitter, authors, title,
 * comments, journal-ref, doi, categories, license, abstract, versions, update_date, authors_parsed}.
 */
public final class KaggleSnapshot extends JsonLinesFormat {

    public static final String SOURCE = "kaggle";

    @Override
    public String name() {
        return "kaggle-snapshot";
    }

    @Override
    protected boolean matchesKeys(Set<String> keys) {
        // The snapshot's second key is "submitter", so even a head cut inside a long first record shows it.
        return keys.contains("id")
                && (keys.contains("submitter") || keys.contains("authors_parsed") || keys.contains("versions")
                        || keys.contains("update_date") || keys.contains("journal-ref"));
    }

    @Override
    protected Paper map(JsonNode obj) {
        String rawId = JsonFields.requiredText(obj, "id");
        ArxivId id = ArxivId.parse(rawId)
                .orElseThrow(() -> new RecordException("id is not an arXiv id: " + JsonFields.abbreviate(rawId)));

        List<PaperVersion> versions = versions(obj);
        int version = versions.isEmpty() ? 0 : versions.getLast().version();
        Instant published = versions.isEmpty() ? null : versions.getFirst().submitted();
        Instant updated = versions.isEmpty() ? null : versions.getLast().submitted();
        if (updated == null) {
            LocalDate day = JsonFields.date(obj, "update_date");
            updated = day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String categories = JsonFields.text(obj, "categories");

        // The snapshot is arXiv's metadata, TeX accents and all.
        return Tex.namesToUnicode(Paper.builder(id.base())
                .version(version)
                .title(Text.oneLine(JsonFields.text(obj, "title")))
                .authors(authors(obj))
                .abstractText(Text.paragraphs(JsonFields.text(obj, "abstract")))
                .categories(categories == null ? List.of() : List.of(categories.strip().split("\\s+")))
                .published(published)
                .updated(updated)
                .doi(Text.oneLine(JsonFields.text(obj, "doi")))
                .journalRef(Text.oneLine(JsonFields.text(obj, "journal-ref")))
                .comments(Text.oneLine(JsonFields.text(obj, "comments")))
                .license(Text.oneLine(JsonFields.text(obj, "license")))
                .links(Links.arxiv(new ArxivId(id.base(), 0)))
                .source(SOURCE)
                .versions(versions)
                .build());
    }

    /** Authors from {@code authors_parsed} ([last, first, suffix]) in order, else split from {@code authors}. */
    private static List<Author> authors(JsonNode obj) {
        List<JsonNode> parsed = JsonFields.array(obj, "authors_parsed");
        List<Author> out = new ArrayList<>(parsed.size());
        for (JsonNode a : parsed) {
            if (!a.isArray()) throw new RecordException("authors_parsed holds a non-array entry");
            String last = part(a, 0), first = part(a, 1), suffix = part(a, 2);
            String name = Text.oneLine(String.join(" ", first, last, suffix));
            if (name != null) out.add(new Author(name));
        }
        if (out.isEmpty()) {
            String flat = JsonFields.text(obj, "authors");
            if (flat != null) {
                for (String n : flat.split(",\\s*|\\s+and\\s+")) {
                    String name = Text.oneLine(n);
                    if (name != null) out.add(new Author(name));
                }
            }
        }
        return out;
    }

    private static String part(JsonNode arr, int i) {
        JsonNode n = arr.get(i);
        if (n == null || n.isNull()) return "";
        if (!n.isTextual()) throw new RecordException("authors_parsed holds a non-string name part");
        return n.textValue();
    }

    private static List<PaperVersion> versions(JsonNode obj) {
        List<PaperVersion> out = new ArrayList<>();
        for (JsonNode v : JsonFields.array(obj, "versions")) {
            if (!v.isObject()) throw new RecordException("versions holds a non-object entry");
            String label = JsonFields.requiredText(v, "version").strip();
            if (!label.matches("v\\d{1,4}")) {
                throw new RecordException("version is not vN: " + JsonFields.abbreviate(label));
            }
            String created = JsonFields.text(v, "created");
            out.add(new PaperVersion(Integer.parseInt(label.substring(1)), created == null ? null : rfc1123(created)));
        }
        out.sort(Comparator.comparingInt(PaperVersion::version));
        return out;
    }

    private static Instant rfc1123(String s) {
        try {
            return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new RecordException("version date is not RFC 1123: " + JsonFields.abbreviate(s));
        }
    }
}

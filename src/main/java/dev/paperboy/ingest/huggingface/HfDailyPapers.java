package dev.paperboy.ingest.huggingface;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.ingest.FileFormat;
import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.files.JsonFields;
import dev.paperboy.ingest.files.RecordException;
import dev.paperboy.ingest.files.Text;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hugging Face daily papers: the {@code /api/daily_papers} JSON array (items with a {@code paper}
 * object) and the single-paper object of {@code /api/papers/{id}}. Keeps the hub's upvotes, submitter,
 * list day, GitHub repo and stars, project page and keywords.
 */
public final class HfDailyPapers implements FileFormat {

    public static final String SOURCE = "hf";

    private static final Pattern PAPER_KEY = Pattern.compile("\"paper\"\\s*:\\s*\\{");

    /** Largest file read: a day of ~100 papers is under 1 MB; this bounds what one item's tree can take. */
    public static final long MAX_DOCUMENT_CHARS = 32_000_000;

    private final ObjectMapper mapper = JsonFields.newMapper(MAX_DOCUMENT_CHARS);

    @Override
    public String name() {
        return "hf-daily";
    }

    @Override
    public boolean sniff(String head, String fileName) {
        String s = head.stripLeading();
        if (s.startsWith("[")) {
            // An empty array is a day without papers; otherwise the items hold a paper object.
            String rest = s.substring(1).stripLeading();
            return rest.startsWith("]") || (rest.startsWith("{") && PAPER_KEY.matcher(rest).find());
        }
        if (s.startsWith("{")) {
            var keys = JsonFields.firstObjectKeys(s);
            return keys.contains("id") && (keys.contains("submittedOnDailyAt") || keys.contains("upvotes"));
        }
        return false;
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, FormatException {
        try (JsonParser p = mapper.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                emit(sink, "paper", mapper.readTree(p), true);
                return;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new FormatException("hf-daily: expected a JSON array of daily papers, found " + first);
            }
            int element = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) throw new FormatException("hf-daily: the array ends early after element " + element);
                element++;
                String where = "element " + element;
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    sink.reject(where, "not a JSON object");
                    continue;
                }
                emit(sink, where, mapper.readTree(p), false);
            }
        } catch (JsonProcessingException e) {
            // Past a syntax error there is no telling where the next item starts: the file is broken.
            throw new FormatException("hf-daily: unable to parse JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private void emit(RecordSink sink, String where, JsonNode obj, boolean single) {
        Paper paper;
        try {
            paper = single ? mapPaper(obj, null) : mapItem(obj);
        } catch (RecordException e) {
            sink.reject(where + idOf(single ? obj : obj.get("paper")), e.getMessage());
            return;
        }
        sink.accept(where, paper);
    }

    private static Paper mapItem(JsonNode item) {
        JsonNode paper = JsonFields.object(item, "paper");
        if (paper == null) throw new RecordException("missing paper");
        return mapPaper(paper, item);
    }

    /** Maps the inner {@code paper} object; {@code item} is its daily-list wrapper, or null. */
    private static Paper mapPaper(JsonNode paper, JsonNode item) {
        String rawId = JsonFields.requiredText(paper, "id");
        ArxivId id = ArxivId.parse(rawId)
                .orElseThrow(() -> new RecordException("id is not an arXiv id: " + JsonFields.abbreviate(rawId)));
        ArxivId base = new ArxivId(id.base(), 0);

        String title = JsonFields.text(paper, "title");
        String summary = JsonFields.text(paper, "summary");
        if (item != null) {
            if (title == null) title = JsonFields.text(item, "title");
            if (summary == null) summary = JsonFields.text(item, "summary");
        }
        Links links = new Links(null, null, Text.webLink(JsonFields.text(paper, "githubRepo")),
                        Text.webLink(JsonFields.text(paper, "projectPage")))
                .orElse(Links.arxiv(base));

        return Paper.builder(id.base())
                .title(Text.oneLine(title))
                .authors(authors(paper))
                .abstractText(Text.paragraphs(summary))
                .published(JsonFields.instant(paper, "publishedAt"))
                .links(links)
                .source(SOURCE)
                .keywords(JsonFields.strings(paper, "ai_keywords"))
                .hubEntries(hubEntry(paper, item))
                .build();
    }

    private static List<Author> authors(JsonNode paper) {
        List<Author> out = new ArrayList<>();
        for (JsonNode a : JsonFields.array(paper, "authors")) {
            if (!a.isObject()) throw new RecordException("authors holds a non-object entry");
            String name = Text.oneLine(JsonFields.text(a, "name"));
            if (name != null) out.add(new Author(name));
        }
        return out;
    }

    /** The daily-list appearance, when the paper was submitted to a daily list. */
    private static List<HubEntry> hubEntry(JsonNode paper, JsonNode item) {
        Instant submittedOn = JsonFields.instant(paper, "submittedOnDailyAt");
        if (submittedOn == null) return List.of();
        LocalDate day = LocalDate.ofInstant(submittedOn, ZoneOffset.UTC);
        String submitter = userName(JsonFields.object(paper, "submittedOnDailyBy"));
        if (submitter == null && item != null) submitter = userName(JsonFields.object(item, "submittedBy"));
        Integer upvotes = JsonFields.integer(paper, "upvotes");
        Integer comments = item == null ? null : JsonFields.integer(item, "numComments");
        Integer stars = JsonFields.integer(paper, "githubStars");
        return List.of(new HubEntry(
                HubEntry.HUGGING_FACE,
                day,
                submitter,
                upvotes == null ? 0 : Math.max(0, upvotes),
                comments == null ? 0 : Math.max(0, comments),
                stars));
    }

    private static String userName(JsonNode user) {
        if (user == null) return null;
        String name = JsonFields.text(user, "user");
        if (name == null) name = JsonFields.text(user, "name");
        return name == null ? null : JsonFields.abbreviate(name.strip());
    }

    private static String idOf(JsonNode paper) {
        if (paper == null || !paper.isObject()) return "";
        JsonNode id = paper.get("id");
        return id != null && id.isTextual() ? " (" + JsonFields.abbreviate(id.textValue()) + ")" : "";
    }
}

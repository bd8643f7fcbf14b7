package dev.paperboy.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paperboy.ingest.Tex;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Daily arXiv listings crawled to JSON lines: {@code id, title, authors[], categories[], summary,
 * comment, abs, pdf} plus optional {@code first_listing_date} and {@code listing_date}. The data has
 * no version, so records are version 0; the first listing day stands in for the publication date.
 */
public final class DailyListing extends JsonLinesFormat {

    public static final String SOURCE = "arxiv-listing";

    private static final int GLUED_NAMES_OVER = 200;
    private static final Pattern GLUED_AND = Pattern.compile("(?<=\\p{Ll})and (?=\\p{Lu})|,\\s*");

    @Override
    public String name() {
        return "daily-listing";
    }

    @Override
    protected boolean matchesKeys(Set<String> keys) {
        // A first record with thousands of authors can push "summary" past the 8 KB head, so the
        // keys that come before it (id, title, authors) are enough once the other formats are ruled out.
        return keys.contains("id")
                && (keys.contains("summary") || keys.contains("title") || keys.contains("authors"))
                && !keys.contains("abstract") && !keys.contains("submitter") && !keys.contains("paper")
                // Hugging Face's single-paper object also has id, title and summary.
                && !keys.contains("upvotes") && !keys.contains("submittedOnDailyAt") && !keys.contains("publishedAt");
    }

    @Override
    protected Paper map(JsonNode obj) {
        String rawId = JsonFields.requiredText(obj, "id");
        ArxivId id = ArxivId.parse(rawId)
                .orElseThrow(() -> new RecordException("id is not an arXiv id: " + JsonFields.abbreviate(rawId)));
        ArxivId base = new ArxivId(id.base(), 0);
        Links links = new Links(Text.webLink(JsonFields.text(obj, "abs")), Text.webLink(JsonFields.text(obj, "pdf")), null, null)
                .orElse(Links.arxiv(base));
        // Listing titles and names are arXiv's metadata, TeX accents and all.
        return Tex.namesToUnicode(Paper.builder(id.base())
                .title(Text.oneLine(JsonFields.text(obj, "title")))
                .authors(authors(JsonFields.strings(obj, "authors")))
                .abstractText(Text.paragraphs(JsonFields.text(obj, "summary")))
                .categories(JsonFields.strings(obj, "categories"))
                .published(startOf(JsonFields.date(obj, "first_listing_date")))
                .updated(startOf(JsonFields.date(obj, "listing_date")))
                .comments(Text.oneLine(JsonFields.text(obj, "comment")))
                .links(links)
                .source(SOURCE)
                .build());
    }

    /**
     * The author names; an entry far too long for one name is a crawler fault seen in the cs sample
     * (names glued as "Xiangyu Kongand Xiaoxia Xingand …", cut at 512 characters) and is split apart.
     */
    static List<Author> authors(List<String> names) {
        List<Author> out = new ArrayList<>(names.size());
        for (String name : names) {
            if (name.length() <= GLUED_NAMES_OVER) {
                out.add(new Author(name));
                continue;
            }
            for (String part : GLUED_AND.split(name)) {
                String n = Text.oneLine(part.endsWith("and") && name.endsWith(part)
                        ? part.substring(0, part.length() - 3) : part);
                if (n != null) out.add(new Author(n));
            }
        }
        return out;
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

package dev.paperboy.search;

import dev.paperboy.lens.Lens;
import dev.paperboy.lens.LensExtractor;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a backend indexes for one paper, built once by backend-neutral code: the text, the names, the
 * categories and their archives, the date the paper is filed under, the budget lens's resources and
 * card chip, and the passage vector when there is one. Backends only map these fields to their own.
 */
public record IndexDocument(
        String id,
        String title,
        String abstractText,
        List<String> authors,
        List<String> categories,
        Optional<LocalDate> date,
        List<String> saves,
        String chip,
        Optional<float[]> vector) {

    public IndexDocument {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        saves = List.copyOf(saves);
        chip = chip == null ? "" : chip;
    }

    /**
     * The document of a paper. The lens runs here (~5,000 abstracts per CPU-second), so backends call this
     * on their indexing threads; {@code vector} is null when the paper has not been embedded.
     */
    public static IndexDocument of(Paper p, float[] vector, LensExtractor lens) {
        List<String> authors = new ArrayList<>(p.authors().size());
        for (Author a : p.authors()) if (!a.name().isBlank()) authors.add(a.name());
        Lens l = lens.extract(p.title(), p.abstractText());
        return new IndexDocument(p.id(), p.title(), p.abstractText(), authors, p.categories(), dateOf(p),
                l.resources(), l.chip(), Optional.ofNullable(vector));
    }

    /** The one definition of a paper's date: first published, else last updated, else its new-style id's month. */
    public static Optional<LocalDate> dateOf(Paper p) {
        Instant t = p.published() != null ? p.published() : p.updated();
        if (t != null) return Optional.of(LocalDate.ofInstant(t, ZoneOffset.UTC));
        Optional<ArxivId> id = ArxivId.parse(p.id());
        if (id.isPresent() && id.get().base().matches("\\d{4}\\..*")) {
            String b = id.get().base();
            return Optional.of(LocalDate.of(2000 + Integer.parseInt(b.substring(0, 2)),
                    Integer.parseInt(b.substring(2, 4)), 1));
        }
        return Optional.empty();
    }

    /** Title and abstract as one text: BM25 over one combined field scored best (docs/search.md). */
    public String text() {
        return title + "\n" + abstractText;
    }

    /** The archive of a category ({@code cs} of {@code cs.CL}, {@code hep-th} of itself), lower case. */
    public static String archive(String category) {
        int dot = category.indexOf('.');
        return (dot < 0 ? category : category.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}

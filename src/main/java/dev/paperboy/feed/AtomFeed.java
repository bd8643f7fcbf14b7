package dev.paperboy.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An Atom 1.0 feed (RFC 4287) as Paperboy writes it: every URL absolute, every text plain (never HTML), so a
 * reader shows titles and abstracts as text whatever characters they hold.
 */
public record AtomFeed(String id, String title, String subtitle, Instant updated, String selfUrl, String alternateUrl,
        List<Entry> entries) {

    public AtomFeed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(selfUrl, "selfUrl");
        Objects.requireNonNull(alternateUrl, "alternateUrl");
        subtitle = subtitle == null ? "" : subtitle;
        entries = List.copyOf(entries);
    }

    /**
     * One paper. {@code summary} is the budget-lens chip ("" when the lens found nothing: no summary is written);
     * {@code content} the abstract; {@code published} may be null; {@code links} the first is the entry's
     * {@code alternate} link.
     */
    public record Entry(String id, String title, Instant updated, Instant published, List<String> authors,
            List<Category> categories, String summary, String content, List<Link> links) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(updated, "updated");
            title = title == null ? "" : title;
            summary = summary == null ? "" : summary;
            content = content == null ? "" : content;
            authors = List.copyOf(authors);
            categories = List.copyOf(categories);
            links = List.copyOf(links);
        }
    }

    /** An {@code atom:category}: {@code term} is an arXiv category name. */
    public record Category(String term, String scheme) {}

    /** An {@code atom:link}; {@code type} and {@code title} may be null. */
    public record Link(String rel, String type, String title, String href) {}
}

package dev.paperboy.feed;

import dev.paperboy.paper.Author;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Papers as Atom entries. Entry ids: an arXiv paper is {@code https://arxiv.org/abs/{base id}} (no version), the
 * same in every feed of every instance, so a reader subscribed to several feeds shows it once and a new version
 * updates the entry instead of adding one; any other paper is {@code tag:{site host},2026:papers/{id}} (RFC 4151).
 */
public final class PaperEntries {

    /** The scheme of {@code atom:category} terms: arXiv's own, as its API feeds write it. */
    public static final String CATEGORY_SCHEME = "http://arxiv.org/schemas/atom";

    private final String baseUrl;
    private final String tagAuthority;

    /** {@code baseUrl}: the site's public URL without a trailing slash (pages and feeds link there). */
    public PaperEntries(String baseUrl) {
        this.baseUrl = baseUrl;
        String host = URI.create(baseUrl).getHost();
        this.tagAuthority = host == null || host.isEmpty() ? "localhost" : host.toLowerCase(Locale.ROOT);
    }

    /** The entry of a paper; {@code chip} is its budget-lens chip ("" for none). */
    public AtomFeed.Entry entry(Paper p, String chip) {
        List<AtomFeed.Link> links = new ArrayList<>();
        links.add(new AtomFeed.Link("alternate", "text/html", null, baseUrl + "/papers/" + p.id()));
        String abs = httpOrNull(p.links().abs());
        if (abs == null && p.arxivId().isPresent()) abs = "https://arxiv.org/abs/" + p.id();
        if (abs != null) links.add(new AtomFeed.Link("related", "text/html", "arXiv", abs));
        String pdf = httpOrNull(p.links().pdf());
        if (pdf != null) links.add(new AtomFeed.Link("related", "application/pdf", "PDF", pdf));
        String code = httpOrNull(p.links().code());
        if (code != null) links.add(new AtomFeed.Link("related", "text/html", "Code", code));
        return new AtomFeed.Entry(id(p), p.title().isBlank() ? "(untitled) " + p.id() : p.title(), updated(p),
                p.published(), p.authors().stream().map(Author::name).toList(),
                p.categories().stream().map(c -> new AtomFeed.Category(c, CATEGORY_SCHEME)).toList(), chip,
                p.abstractText(), links);
    }

    /** The entry id of a paper (see the class comment). */
    public String id(Paper p) {
        if (p.arxivId().isPresent()) return "https://arxiv.org/abs/" + p.id();
        return "tag:" + tagAuthority + ",2026:papers/" + p.id();
    }

    /**
     * When the entry last changed: the latest version's date, else the paper's updated or published date, else the
     * epoch (undated papers do exist; a fixed value keeps the feed, and its ETag, the same from request to request).
     */
    public static Instant updated(Paper p) {
        Instant t = null;
        for (PaperVersion v : p.versions()) {
            if (v.submitted() != null && (t == null || v.submitted().isAfter(t))) t = v.submitted();
        }
        if (p.updated() != null && (t == null || p.updated().isAfter(t))) t = p.updated();
        if (t == null) t = p.published();
        return t == null ? Instant.EPOCH : t;
    }

    // Links come from imported data: anything but http(s) (javascript:, data:) is dropped, as on the pages.
    private static String httpOrNull(String href) {
        if (href == null) return null;
        String h = href.strip();
        String lower = h.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? h : null;
    }
}

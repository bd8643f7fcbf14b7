package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.Tex;
import dev.paperboy.ingest.SafeXml;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Categories;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv API responses (Atom 1.0 with OpenSearch and arXiv extensions), streaming entry by entry.
 * Both layouts are read: the pre-2025 one (namespaces declared on each element, {@code rel}/{@code title}
 * on links) and the 2025+ one (namespaces on the feed, bare links).
 *
 * <p>A document that cannot be read ends in a {@link FormatException}; entries emitted before the break
 * stay emitted, the entry being read at the break is dropped.
 */
public final class ArxivAtomParser {
    private ArxivAtomParser() {}

    public static final String SOURCE = "arxiv-api";

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

    /**
     * What a response page said about itself. {@code totalResults}, {@code startIndex} and
     * {@code itemsPerPage} are -1 when the feed omits them; {@code entries} counts paper entries
     * (accepted and rejected, not an error entry); {@code error} holds the message of an API error feed.
     */
    public record AtomPage(long totalResults, int startIndex, int itemsPerPage, int entries, Optional<String> error) {}

    /** Parses one API response, sending each entry to {@code sink}, and returns what the page said about itself. */
    public static AtomPage parse(InputStream in, RecordSink sink) throws IOException, FormatException {
        XMLStreamReader r = SafeXml.openAtRoot(in, "atom");
        try {
            if (!ATOM.equals(r.getNamespaceURI()) || !"feed".equals(r.getLocalName())) {
                throw new FormatException("atom: expected an Atom <feed> root element, found <"
                        + r.getLocalName() + "> in namespace " + Texts.quote(r.getNamespaceURI()));
            }
            return readFeed(r, sink);
        } finally {
            close(r);
        }
    }

    private static AtomPage readFeed(XMLStreamReader r, RecordSink sink) throws IOException, FormatException {
        long total = -1;
        int start = -1;
        int perPage = -1;
        int position = 0;
        int entries = 0;
        String error = null;
        try {
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) break; // children are consumed whole: this is </feed>
                if (event != XMLStreamConstants.START_ELEMENT) continue;
                String ns = r.getNamespaceURI();
                String name = r.getLocalName();
                if (OPENSEARCH.equals(ns) && name.equals("totalResults")) {
                    total = number(r, "totalResults");
                } else if (OPENSEARCH.equals(ns) && name.equals("startIndex")) {
                    start = (int) Math.min(Integer.MAX_VALUE, number(r, "startIndex"));
                } else if (OPENSEARCH.equals(ns) && name.equals("itemsPerPage")) {
                    perPage = (int) Math.min(Integer.MAX_VALUE, number(r, "itemsPerPage"));
                } else if (ATOM.equals(ns) && name.equals("entry")) {
                    position++;
                    WireEntry e = readEntry(r);
                    if (e.isError()) {
                        error = e.summary == null ? "unknown error" : Texts.collapse(e.summary);
                        sink.note("arxiv api error: " + error);
                        continue;
                    }
                    entries++;
                    emit(position, e, sink);
                } else {
                    SafeXml.skip(r);
                }
            }
        } catch (XMLStreamException e) {
            SafeXml.rethrowIo(e);
            throw new FormatException("atom: unable to parse feed after " + entries + " entries: "
                    + SafeXml.oneLine(e), e);
        }
        return new AtomPage(total, start, perPage, entries, Optional.ofNullable(error));
    }

    private static long number(XMLStreamReader r, String what) throws XMLStreamException, FormatException {
        String text;
        try {
            text = SafeXml.text(r).strip();
        } catch (SafeXml.TextTooLongException e) {
            throw new FormatException("atom: " + what + " is far too long");
        }
        try {
            long n = Long.parseLong(text);
            if (n < 0) throw new NumberFormatException("negative");
            return n;
        } catch (NumberFormatException e) {
            throw new FormatException("atom: " + what + " is not a count: " + Texts.quote(text));
        }
    }

    /** The fields of one {@code <entry>} as the wire has them. */
    private static final class WireEntry {
        String id;
        String title;
        String summary;
        String published;
        String updated;
        String primaryCategory;
        final List<String> categories = new ArrayList<>();
        final List<Author> authors = new ArrayList<>();
        String doi;
        String journalRef;
        String comment;
        String license;
        String abs;
        String pdf;
        final List<String> problems = new ArrayList<>();

        /** The current element's text; an overlong text becomes a problem of this entry. */
        String text(XMLStreamReader r) throws XMLStreamException {
            try {
                return SafeXml.text(r);
            } catch (SafeXml.TextTooLongException e) {
                problems.add(e.getMessage());
                return null;
            }
        }

        boolean isError() {
            return id != null && id.strip().matches("(?i)https?://(export\\.)?arxiv\\.org/api/errors.*");
        }
    }

    private static WireEntry readEntry(XMLStreamReader r) throws XMLStreamException {
        WireEntry e = new WireEntry();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) return e;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String ns = r.getNamespaceURI();
            String name = r.getLocalName();
            if (ATOM.equals(ns)) {
                switch (name) {
                    case "id" -> e.id = e.text(r);
                    case "title" -> e.title = e.text(r);
                    case "summary" -> e.summary = e.text(r);
                    case "published" -> e.published = e.text(r);
                    case "updated" -> e.updated = e.text(r);
                    case "rights" -> e.license = e.text(r);
                    case "author" -> e.authors.add(readAuthor(r, e));
                    case "category" -> {
                        SafeXml.attribute(r, "term").ifPresent(e.categories::add);
                        SafeXml.skip(r);
                    }
                    case "link" -> {
                        readLink(r, e);
                        SafeXml.skip(r);
                    }
                    default -> SafeXml.skip(r);
                }
            } else if (ARXIV.equals(ns)) {
                switch (name) {
                    case "primary_category" -> {
                        e.primaryCategory = SafeXml.attribute(r, "term").orElse(null);
                        SafeXml.skip(r);
                    }
                    case "doi" -> e.doi = e.text(r);
                    case "journal_ref" -> e.journalRef = e.text(r);
                    case "comment" -> e.comment = e.text(r);
                    case "license" -> e.license = e.text(r);
                    default -> SafeXml.skip(r);
                }
            } else {
                SafeXml.skip(r);
            }
        }
    }

    private static Author readAuthor(XMLStreamReader r, WireEntry e) throws XMLStreamException {
        String name = null;
        List<String> affiliations = new ArrayList<>();
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) break;
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            if (ATOM.equals(r.getNamespaceURI()) && r.getLocalName().equals("name")) {
                name = Texts.collapse(e.text(r));
            } else if (ARXIV.equals(r.getNamespaceURI()) && r.getLocalName().equals("affiliation")) {
                String a = Texts.collapse(e.text(r));
                if (a != null) affiliations.add(a);
            } else {
                SafeXml.skip(r);
            }
        }
        return new Author(name, affiliations);
    }

    private static void readLink(XMLStreamReader r, WireEntry e) {
        String href = SafeXml.attribute(r, "href").map(String::strip).orElse(null);
        if (href == null || !Texts.isArxivUrl(href)) return;
        String rel = SafeXml.attribute(r, "rel").orElse("");
        String title = SafeXml.attribute(r, "title").orElse("");
        String type = SafeXml.attribute(r, "type").orElse("");
        // The 2025+ layout drops rel/title/type from entry links, so the path decides as well.
        if (title.equals("pdf") || type.equals("application/pdf") || href.contains("arxiv.org/pdf/")) {
            if (e.pdf == null) e.pdf = href;
        } else if (rel.equals("alternate") || href.contains("arxiv.org/abs/")) {
            if (e.abs == null) e.abs = href;
        }
    }

    private static void emit(int position, WireEntry e, RecordSink sink) {
        Optional<ArxivId> id = ArxivId.parse(e.id);
        String where = "entry " + position + id.map(a -> " (" + a + ")").orElse("");
        if (!e.problems.isEmpty()) {
            sink.reject(where, String.join("; ", e.problems));
            return;
        }
        if (e.id == null || e.id.isBlank()) {
            sink.reject(where, "missing <id>");
            return;
        }
        if (id.isEmpty()) {
            sink.reject(where, "<id> is not an arXiv id: " + Texts.quote(e.id));
            return;
        }
        Instant published;
        Instant updated;
        try {
            published = e.published == null ? null : Texts.isoInstant(e.published);
            updated = e.updated == null ? null : Texts.isoInstant(e.updated);
        } catch (DateTimeParseException ex) {
            sink.reject(where, "unreadable date " + Texts.quote(ex.getParsedString()));
            return;
        }
        ArxivId arxivId = id.get();
        // arXiv's <published> is the first version's date and <updated> the date of the version returned.
        List<PaperVersion> versions = new ArrayList<>();
        if (published != null && arxivId.version() >= 1) versions.add(new PaperVersion(1, published));
        if (updated != null && arxivId.version() > 1) versions.add(new PaperVersion(arxivId.version(), updated));

        // The old API also sent ACM and MSC classes (I.2.6, 68T05) as categories: not arXiv's, and left out
        // without a word. Anything else that is no category is dropped with a note by the admission check.
        List<String> categories = e.categories.stream().filter(c -> !isClassification(c)).toList();
        String primary = e.primaryCategory != null && !isClassification(e.primaryCategory) ? e.primaryCategory : null;
        Links links = new Links(e.abs, e.pdf, null, null).orElse(Links.arxiv(arxivId));

        sink.accept("entry " + position, Tex.namesToUnicode(Paper.builder(arxivId.base())
                .version(arxivId.version())
                .title(Texts.collapse(e.title))
                .authors(e.authors.stream().filter(a -> !a.name().isEmpty()).toList())
                .abstractText(Texts.collapse(e.summary))
                .categories(Categories.primaryFirst(primary, categories))
                .published(published)
                .updated(updated)
                .doi(Texts.collapse(e.doi))
                .journalRef(Texts.collapse(e.journalRef))
                .comments(Texts.collapse(e.comment))
                .license(Texts.collapse(e.license))
                .links(links)
                .source(SOURCE)
                .versions(versions)
                .build()));
    }

    /** An ACM ("I.2.6", "F.2.2; G.2.1") or MSC ("68T05", "05C80") class: starts with a capital and a dot, or a digit. */
    private static boolean isClassification(String term) {
        String t = term.strip();
        return !t.isEmpty() && (Character.isDigit(t.charAt(0))
                || (t.length() > 1 && t.charAt(0) >= 'A' && t.charAt(0) <= 'Z' && t.charAt(1) == '.'));
    }

    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // Closing a StAX reader releases parser state only; the caller owns and closes the stream.
        }
    }
}

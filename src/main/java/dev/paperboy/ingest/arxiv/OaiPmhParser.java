package dev.paperboy.ingest.arxiv;

import dev.paperboy.ingest.FormatException;
import dev.paperboy.ingest.RecordSink;
import dev.paperboy.ingest.Tex;
import dev.paperboy.ingest.SafeXml;
import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Author;
import dev.paperboy.paper.Links;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads arXiv OAI-PMH responses ({@code ListRecords}, {@code GetRecord}) in the metadata formats
 * {@code arXiv}, {@code arXivRaw} and {@code oai_dc}, streaming record by record.
 *
 * <p>OAI-PMH error responses are valid documents and come back in the page. A document that cannot be
 * read ends in a {@link FormatException}; records emitted before the break stay emitted. Throwing (rather
 * than returning a page) matters here: the resumption token sits at the end of a page, so a truncated
 * page must never look like the last one.
 */
public final class OaiPmhParser {
    private OaiPmhParser() {}

    public static final String SOURCE = "arxiv-oai";

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String ARXIV = "http://arxiv.org/OAI/arXiv/";
    static final String ARXIV_RAW = "http://arxiv.org/OAI/arXivRaw/";
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    /**
     * What a response page said about itself. An empty {@code <resumptionToken/>} (the list is complete)
     * gives an empty token; {@code errorCode}/{@code errorMessage} are the first OAI-PMH {@code <error>};
     * {@code records} counts {@code <record>} elements, including deleted and rejected ones.
     */
    public record OaiPage(
            Instant responseDate,
            Optional<String> resumptionToken,
            Optional<Long> completeListSize,
            Optional<Long> cursor,
            Optional<String> errorCode,
            Optional<String> errorMessage,
            int records) {}

    /** Parses one OAI-PMH response, sending each record to {@code sink}, and returns what the page said about itself. */
    public static OaiPage parse(InputStream in, RecordSink sink) throws IOException, FormatException {
        XMLStreamReader r = SafeXml.openAtRoot(in, "oai");
        try {
            if (!OAI.equals(r.getNamespaceURI()) || !"OAI-PMH".equals(r.getLocalName())) {
                throw new FormatException("oai: expected an <OAI-PMH> root element, found <" + r.getLocalName()
                        + "> in namespace " + Texts.quote(r.getNamespaceURI()));
            }
            return new PageReader(r, sink).read();
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // Closing releases parser state only; the caller owns the stream.
            }
        }
    }

    /** The state of reading one page. */
    private static final class PageReader {
        final XMLStreamReader r;
        final RecordSink sink;
        Instant responseDate;
        String token;
        Long completeListSize;
        Long cursor;
        String errorCode;
        String errorMessage;
        int records;
        boolean inRecord;

        PageReader(XMLStreamReader r, RecordSink sink) {
            this.r = r;
            this.sink = sink;
        }

        OaiPage read() throws IOException, FormatException {
            try {
                while (nextChild()) {
                    String name = r.getLocalName();
                    if (!OAI.equals(r.getNamespaceURI())) {
                        SafeXml.skip(r);
                    } else if (name.equals("responseDate")) {
                        String text = documentText("responseDate");
                        try {
                            responseDate = Texts.dateOrDateTime(text);
                        } catch (DateTimeParseException e) {
                            throw new FormatException("oai: unreadable responseDate " + Texts.quote(text), e);
                        }
                    } else if (name.equals("error")) {
                        String code = SafeXml.attribute(r, "code").orElse("unknown");
                        String message = Texts.collapse(documentText("error"));
                        sink.note("oai: error " + code + (message == null ? "" : ": " + message));
                        if (errorCode == null) {
                            errorCode = code;
                            errorMessage = message;
                        }
                    } else if (name.equals("ListRecords") || name.equals("GetRecord")) {
                        readRecords();
                    } else {
                        SafeXml.skip(r);
                    }
                }
            } catch (XMLStreamException e) {
                SafeXml.rethrowIo(e);
                // The record being read at the break is dropped, so it does not count as read.
                int complete = inRecord ? records - 1 : records;
                throw new FormatException("oai: unable to parse response after " + complete + " records: "
                        + SafeXml.oneLine(e), e);
            }
            if (responseDate == null) throw new FormatException("oai: the response has no <responseDate>");
            return new OaiPage(
                    responseDate,
                    Optional.ofNullable(token),
                    Optional.ofNullable(completeListSize),
                    Optional.ofNullable(cursor),
                    Optional.ofNullable(errorCode),
                    Optional.ofNullable(errorMessage),
                    records);
        }

        /** Moves to the next child start tag of the current element; false at the element's end tag. */
        boolean nextChild() throws XMLStreamException {
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) return true;
                if (event == XMLStreamConstants.END_ELEMENT) return false;
            }
        }

        String documentText(String what) throws XMLStreamException, FormatException {
            try {
                return SafeXml.text(r);
            } catch (SafeXml.TextTooLongException e) {
                throw new FormatException("oai: <" + what + "> is far too long");
            }
        }

        void readRecords() throws XMLStreamException, FormatException {
            while (nextChild()) {
                String name = r.getLocalName();
                if (!OAI.equals(r.getNamespaceURI())) {
                    SafeXml.skip(r);
                } else if (name.equals("record")) {
                    records++;
                    inRecord = true;
                    readRecord();
                    inRecord = false;
                } else if (name.equals("resumptionToken")) {
                    completeListSize = count("completeListSize");
                    cursor = count("cursor");
                    token = Texts.collapse(documentText("resumptionToken"));
                } else {
                    SafeXml.skip(r);
                }
            }
        }

        Long count(String attribute) throws FormatException {
            Optional<String> value = SafeXml.attribute(r, attribute).map(String::strip);
            if (value.isEmpty() || value.get().isEmpty()) return null;
            try {
                long n = Long.parseLong(value.get());
                if (n < 0) throw new NumberFormatException("negative");
                return n;
            } catch (NumberFormatException e) {
                throw new FormatException("oai: resumptionToken " + attribute + " is not a count: "
                        + Texts.quote(value.get()));
            }
        }

        void readRecord() throws XMLStreamException {
            Draft d = new Draft();
            boolean deleted = false;
            String datestamp = null;
            while (nextChild()) {
                String ns = r.getNamespaceURI();
                String name = r.getLocalName();
                if (OAI.equals(ns) && name.equals("header")) {
                    deleted = SafeXml.attribute(r, "status").map("deleted"::equals).orElse(false);
                    while (nextChild()) {
                        if (!OAI.equals(r.getNamespaceURI())) SafeXml.skip(r);
                        else if (r.getLocalName().equals("identifier")) d.headerId = d.text(r);
                        else if (r.getLocalName().equals("datestamp")) datestamp = d.text(r);
                        else SafeXml.skip(r);
                    }
                } else if (OAI.equals(ns) && name.equals("metadata") && !deleted) {
                    readMetadata(d);
                } else {
                    SafeXml.skip(r);
                }
            }
            if (deleted) {
                sink.note("oai: record " + Texts.collapse(d.headerId) + " is deleted"
                        + (datestamp == null ? "" : " (datestamp " + Texts.collapse(datestamp) + ")"));
                return;
            }
            emit(d);
        }

        void readMetadata(Draft d) throws XMLStreamException {
            boolean seen = false;
            while (nextChild()) {
                String ns = r.getNamespaceURI();
                String name = r.getLocalName();
                if (seen) {
                    SafeXml.skip(r);
                } else if (ARXIV.equals(ns) && name.equals("arXiv")) {
                    readArxiv(d);
                } else if (ARXIV_RAW.equals(ns) && name.equals("arXivRaw")) {
                    readArxivRaw(d);
                } else if (OAI_DC.equals(ns) && name.equals("dc")) {
                    readDublinCore(d);
                } else {
                    d.problems.add("unsupported metadata format <" + name + "> in namespace " + Texts.quote(ns));
                    SafeXml.skip(r);
                }
                seen = true;
            }
            if (!seen) d.problems.add("empty <metadata>");
        }

        /** metadataPrefix=arXiv: structured authors, created/updated dates, no versions. */
        void readArxiv(Draft d) throws XMLStreamException {
            while (nextChild()) {
                if (!ARXIV.equals(r.getNamespaceURI())) {
                    SafeXml.skip(r);
                    continue;
                }
                String name = r.getLocalName();
                switch (name) {
                    case "authors" -> {
                        while (nextChild()) {
                            if (ARXIV.equals(r.getNamespaceURI()) && r.getLocalName().equals("author")) {
                                d.authors.add(readArxivAuthor(d));
                            } else {
                                SafeXml.skip(r);
                            }
                        }
                    }
                    case "created" -> d.published = date(d, "created", d.text(r));
                    case "updated" -> d.updated = date(d, "updated", d.text(r));
                    default -> common(d, name);
                }
            }
            if (d.published != null) d.versions.add(new PaperVersion(1, d.published));
        }

        Author readArxivAuthor(Draft d) throws XMLStreamException {
            String keyname = null;
            String forenames = null;
            String suffix = null;
            List<String> affiliations = new ArrayList<>();
            while (nextChild()) {
                switch (r.getLocalName()) {
                    case "keyname" -> keyname = d.text(r);
                    case "forenames" -> forenames = d.text(r);
                    case "suffix" -> suffix = d.text(r);
                    case "affiliation" -> {
                        String a = Texts.collapse(d.text(r));
                        if (a != null) affiliations.add(a);
                    }
                    default -> SafeXml.skip(r);
                }
            }
            return new Author(AuthorNames.join(forenames, keyname, suffix), affiliations);
        }

        /** metadataPrefix=arXivRaw: every version with its date, authors as one string. */
        void readArxivRaw(Draft d) throws XMLStreamException {
            while (nextChild()) {
                if (!ARXIV_RAW.equals(r.getNamespaceURI())) {
                    SafeXml.skip(r);
                    continue;
                }
                String name = r.getLocalName();
                switch (name) {
                    case "authors" -> d.authors.addAll(AuthorNames.splitRaw(d.text(r)));
                    case "version" -> readRawVersion(d);
                    default -> common(d, name);
                }
            }
            d.versions.sort(Comparator.comparingInt(PaperVersion::version));
            if (!d.versions.isEmpty()) {
                d.version = d.versions.getLast().version();
                d.published = d.versions.getFirst().submitted();
                d.updated = d.versions.getLast().submitted();
            }
        }

        void readRawVersion(Draft d) throws XMLStreamException {
            String label = SafeXml.attribute(r, "version").map(String::strip).orElse("");
            String dateText = null;
            while (nextChild()) {
                if (r.getLocalName().equals("date")) dateText = d.text(r);
                else SafeXml.skip(r);
            }
            if (!label.matches("v\\d{1,4}")) {
                d.problems.add("unreadable version " + Texts.quote(label));
                return;
            }
            if (dateText == null) {
                d.problems.add("version " + label + " has no date");
                return;
            }
            try {
                d.versions.add(new PaperVersion(Integer.parseInt(label.substring(1)), Texts.rfc1123(dateText)));
            } catch (DateTimeParseException e) {
                d.problems.add("unreadable date of " + label + ": " + Texts.quote(dateText));
            }
        }

        /** The elements arXiv and arXivRaw share. */
        void common(Draft d, String name) throws XMLStreamException {
            switch (name) {
                case "id" -> d.id = d.text(r);
                case "title" -> d.title = d.text(r);
                case "abstract" -> d.abstractText = d.text(r);
                case "categories" -> {
                    String cats = Texts.collapse(d.text(r));
                    if (cats != null) d.categories.addAll(Arrays.asList(cats.split(" ")));
                }
                case "comments" -> d.comments = d.text(r);
                case "journal-ref" -> d.journalRef = d.text(r);
                case "doi" -> d.doi = d.text(r);
                case "license" -> d.license = d.text(r);
                default -> SafeXml.skip(r);
            }
        }

        /** metadataPrefix=oai_dc: the abs URL as identifier, "Last, First" creators, subjects as names. */
        void readDublinCore(Draft d) throws XMLStreamException {
            List<String> dates = new ArrayList<>();
            while (nextChild()) {
                if (!DC.equals(r.getNamespaceURI())) {
                    SafeXml.skip(r);
                    continue;
                }
                switch (r.getLocalName()) {
                    case "title" -> d.title = d.text(r);
                    case "creator" -> {
                        String name = AuthorNames.lastFirst(d.text(r));
                        if (name != null) d.authors.add(new Author(name));
                    }
                    case "subject" -> ArxivSubjects.category(d.text(r)).ifPresent(d.categories::add);
                    case "description" -> {
                        String text = Texts.collapse(d.text(r));
                        if (text == null) break;
                        // arXiv puts the author's comments into a second description, prefixed "Comment:".
                        if (text.startsWith("Comment:")) d.comments = text.substring(8);
                        else if (d.abstractText == null) d.abstractText = text;
                    }
                    case "date" -> dates.add(d.text(r));
                    case "identifier" -> {
                        String id = Texts.collapse(d.text(r));
                        if (id == null) break;
                        if (id.regionMatches(true, 0, "doi:", 0, 4)) {
                            if (d.doi == null) d.doi = id.substring(4);
                        } else if (d.id == null && Texts.isArxivUrl(id) && ArxivId.parse(id).isPresent()) {
                            d.id = id;
                        }
                    }
                    case "rights" -> d.license = d.text(r);
                    default -> SafeXml.skip(r);
                }
            }
            // Dublin Core lists the first version's date first and the latest version's last.
            if (!dates.isEmpty()) {
                d.published = date(d, "date", dates.getFirst());
                if (dates.size() > 1) d.updated = date(d, "date", dates.getLast());
                if (d.published != null) d.versions.add(new PaperVersion(1, d.published));
            }
        }

        Instant date(Draft d, String what, String text) {
            try {
                return Texts.dateOrDateTime(text);
            } catch (DateTimeParseException e) {
                d.problems.add("unreadable " + what + " " + Texts.quote(text));
                return null;
            }
        }

        void emit(Draft d) {
            String rawId = d.id != null && !d.id.isBlank() ? d.id : d.headerId;
            Optional<ArxivId> id = ArxivId.parse(rawId);
            String where = "record " + records + id.map(a -> " (" + a.base() + ")").orElse("");
            if (!d.problems.isEmpty()) {
                sink.reject(where, String.join("; ", d.problems));
                return;
            }
            if (id.isEmpty()) {
                sink.reject(where, rawId == null ? "missing id" : "not an arXiv id: " + Texts.quote(rawId));
                return;
            }
            String base = id.get().base();
            String doi = Texts.collapse(d.doi);
            // arXivRaw lists a paper's DOI and its erratum's DOI space-separated; the paper's comes first.
            if (doi != null && doi.contains(" ")) doi = doi.substring(0, doi.indexOf(' '));
            sink.accept("record " + records, Tex.namesToUnicode(Paper.builder(base)
                    .version(d.version)
                    .title(Texts.collapse(d.title))
                    .authors(d.authors.stream().filter(a -> !a.name().isEmpty()).toList())
                    .abstractText(Texts.collapse(d.abstractText))
                    .categories(d.categories)
                    .published(d.published)
                    .updated(d.updated)
                    .doi(doi)
                    .journalRef(Texts.collapse(d.journalRef))
                    .comments(Texts.collapse(d.comments))
                    .license(Texts.collapse(d.license))
                    .links(Links.arxiv(new ArxivId(base, d.version)))
                    .source(SOURCE)
                    .versions(d.versions)
                    .build()));
        }
    }

    /** One record's fields as read, whichever metadata format they came from. */
    private static final class Draft {
        String headerId;
        String id;
        int version;
        String title;
        final List<Author> authors = new ArrayList<>();
        String abstractText;
        final List<String> categories = new ArrayList<>();
        Instant published;
        Instant updated;
        String doi;
        String journalRef;
        String comments;
        String license;
        final List<PaperVersion> versions = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        /** The current element's text; an overlong text becomes a problem of this record. */
        String text(XMLStreamReader r) throws XMLStreamException {
            try {
                return SafeXml.text(r);
            } catch (SafeXml.TextTooLongException e) {
                problems.add(e.getMessage());
                return null;
            }
        }
    }
}

package dev.paperboy.feed;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link AtomFeed}s as Atom 1.0 XML with the JDK's streaming writer, which escapes every text and
 * attribute; characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped first.
 */
public final class AtomWriter {

    /** The Atom namespace; every element is in it. */
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The media type feeds are served as. */
    public static final String MEDIA_TYPE = "application/atom+xml; charset=utf-8";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final String generatorUri;
    private final String generatorVersion;

    /** {@code generatorUri} and {@code generatorVersion} fill {@code atom:generator}. */
    public AtomWriter(String generatorUri, String generatorVersion) {
        this.generatorUri = generatorUri;
        this.generatorVersion = generatorVersion;
    }

    /** The feed as UTF-8 XML. */
    public byte[] toBytes(AtomFeed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        write(feed, out);
        return out.toByteArray();
    }

    /** Writes the feed as UTF-8 XML to {@code out} (not closed). */
    public void write(AtomFeed feed, OutputStream out) {
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            try {
                w.writeStartDocument("UTF-8", "1.0");
                w.writeCharacters("\n");
                w.setDefaultNamespace(ATOM);
                w.writeStartElement(ATOM, "feed");
                w.writeDefaultNamespace(ATOM);
                text(w, "id", feed.id());
                typedText(w, "title", feed.title());
                if (!feed.subtitle().isEmpty()) typedText(w, "subtitle", feed.subtitle());
                text(w, "updated", date(feed.updated()));
                link(w, new AtomFeed.Link("self", "application/atom+xml", null, feed.selfUrl()));
                link(w, new AtomFeed.Link("alternate", "text/html", null, feed.alternateUrl()));
                // RFC 4287 4.1.1: a feed names an author unless every entry does; papers without authors exist.
                w.writeStartElement(ATOM, "author");
                text(w, "name", "Paperboy");
                text(w, "uri", generatorUri);
                w.writeEndElement();
                w.writeStartElement(ATOM, "generator");
                w.writeAttribute("uri", clean(generatorUri));
                w.writeAttribute("version", clean(generatorVersion));
                w.writeCharacters("Paperboy");
                w.writeEndElement();
                for (AtomFeed.Entry e : feed.entries()) entry(w, e);
                w.writeEndElement();
                w.writeEndDocument();
                w.flush();
            } finally {
                w.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("atom: unable to write feed " + feed.id() + ": " + e.getMessage(), e);
        }
    }

    private static void entry(XMLStreamWriter w, AtomFeed.Entry e) throws XMLStreamException {
        w.writeStartElement(ATOM, "entry");
        text(w, "id", e.id());
        typedText(w, "title", e.title());
        text(w, "updated", date(e.updated()));
        if (e.published() != null) text(w, "published", date(e.published()));
        for (String name : e.authors()) {
            w.writeStartElement(ATOM, "author");
            text(w, "name", name);
            w.writeEndElement();
        }
        for (AtomFeed.Category c : e.categories()) {
            w.writeEmptyElement(ATOM, "category");
            w.writeAttribute("term", clean(c.term()));
            if (c.scheme() != null) w.writeAttribute("scheme", clean(c.scheme()));
        }
        for (AtomFeed.Link l : e.links()) link(w, l);
        if (!e.summary().isEmpty()) typedText(w, "summary", e.summary());
        typedText(w, "content", e.content());
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, AtomFeed.Link l) throws XMLStreamException {
        w.writeEmptyElement(ATOM, "link");
        w.writeAttribute("rel", l.rel());
        if (l.type() != null) w.writeAttribute("type", l.type());
        if (l.title() != null) w.writeAttribute("title", clean(l.title()));
        w.writeAttribute("href", clean(l.href()));
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(ATOM, element);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    // type="text" says it out loud: readers must not interpret titles, summaries or abstracts as markup.
    private static void typedText(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(ATOM, element);
        w.writeAttribute("type", "text");
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    /** RFC 3339 date-time in UTC, whole seconds. */
    static String date(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The text without the characters XML 1.0 forbids (C0 controls but tab/newline/return, FFFE/FFFF, lone surrogates),
     * line ends as {@code \n}: a parser turns a raw {@code \r} into {@code \n} anyway (XML 1.0, 2.11).
     */
    static String clean(String s) {
        if (s == null) return "";
        if (s.indexOf('\r') >= 0) s = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) sb.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (ok) {
                if (sb != null) sb.append(c);
            } else if (sb == null) {
                sb = new StringBuilder(n).append(s, 0, i);
            }
        }
        return sb == null ? s : sb.toString();
    }
}

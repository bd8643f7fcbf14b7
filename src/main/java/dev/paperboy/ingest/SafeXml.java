package dev.paperboy.ingest;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Hardened StAX reading for untrusted XML: no DTDs, no external entities, bounded text nodes.
 *
 * <p>Any DOCTYPE is refused outright, which is what stops XXE and entity-expansion bombs: without a DTD
 * no entity other than the five predefined ones and character references can exist.
 *
 * <p>The factory does not coalesce. The JDK parser would buffer a coalesced text node whole before we
 * could look at its size; uncoalesced it hands text over in chunks of at most 16 K characters, and
 * {@link #text} joins them itself and stops at {@link #MAX_TEXT_CHARS}.
 */
public final class SafeXml {
    private SafeXml() {}

    /** The longest text one element may hold; arXiv's longest abstracts are far below 100 K. */
    public static final int MAX_TEXT_CHARS = 4 * 1024 * 1024;

    /** A text node longer than {@link #MAX_TEXT_CHARS}; the reader is left on the element's end tag. */
    public static final class TextTooLongException extends Exception {
        public TextTooLongException(String element) {
            super("text of <" + element + "> is longer than " + MAX_TEXT_CHARS + " characters");
        }
    }

    /** A new StAX factory with DTDs, external entities and entity replacement from DTDs switched off. */
    public static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Belt and braces: even if a DTD slipped through, nothing may be fetched for it.
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("xml: external resources are not allowed: " + systemId);
        });
        return f;
    }

    /** Opens a reader positioned on the root element's start tag; {@code component} prefixes error messages. */
    public static XMLStreamReader openAtRoot(InputStream in, String component) throws IOException, FormatException {
        XMLStreamReader r;
        try {
            r = newFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            rethrowIo(e);
            throw new FormatException(component + ": unable to read XML: " + oneLine(e), e);
        }
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FormatException("xml: DTDs are not allowed (" + component + " input)");
                }
                if (event == XMLStreamConstants.START_ELEMENT) return r;
            }
            throw new FormatException(component + ": the input holds no XML element");
        } catch (XMLStreamException e) {
            rethrowIo(e);
            throw new FormatException(component + ": not well-formed XML: " + oneLine(e), e);
        }
    }

    /** Reads the text inside the current element, nested elements' text included, ending on its end tag. */
    public static String text(XMLStreamReader r) throws XMLStreamException, TextTooLongException {
        String element = r.getLocalName();
        StringBuilder sb = new StringBuilder();
        boolean tooLong = false;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!tooLong) {
                        if (sb.length() + r.getTextLength() > MAX_TEXT_CHARS) {
                            tooLong = true;
                            sb.setLength(0);
                        } else {
                            sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        }
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("xml: undeclared entity &" + r.getLocalName() + ";", r.getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document");
                default -> { }
            }
        }
        if (tooLong) throw new TextTooLongException(element);
        return sb.toString();
    }

    /** Skips the current element (the reader is on its start tag) and leaves the reader on its end tag. */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (event == XMLStreamConstants.END_DOCUMENT) throw new XMLStreamException("unexpected end of document");
        }
    }

    /** An attribute value of the current start tag, looked up by local name in any namespace. */
    public static Optional<String> attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) return Optional.of(r.getAttributeValue(i));
        }
        return Optional.empty();
    }

    /** The root start tag of a document head as written, after any BOM, declaration, comments and PIs. */
    public static Optional<String> rootTag(String head) {
        if (head == null) return Optional.empty();
        int i = 0;
        int n = head.length();
        while (i < n) {
            char c = head.charAt(i);
            if (c == '\uFEFF' || Character.isWhitespace(c)) {
                i++;
            } else if (head.startsWith("<?", i)) {
                int end = head.indexOf("?>", i + 2);
                if (end < 0) return Optional.empty();
                i = end + 2;
            } else if (head.startsWith("<!--", i)) {
                int end = head.indexOf("-->", i + 4);
                if (end < 0) return Optional.empty();
                i = end + 3;
            } else if (c == '<' && i + 1 < n && head.charAt(i + 1) != '!') {
                int end = head.indexOf('>', i);
                return Optional.of(head.substring(i, end < 0 ? n : end + 1));
            } else {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The local name of a root tag from {@link #rootTag}: {@code <atom:feed xmlns…>} gives {@code feed}. */
    public static String localName(String tag) {
        int end = 1;
        while (end < tag.length() && !Character.isWhitespace(tag.charAt(end)) && tag.charAt(end) != '>'
                && tag.charAt(end) != '/') {
            end++;
        }
        String qname = tag.substring(1, end);
        return qname.substring(qname.indexOf(':') + 1);
    }

    /** Rethrows the I/O failure behind a StAX exception; returns normally when the document itself is at fault. */
    public static void rethrowIo(XMLStreamException e) throws IOException {
        // A dropped connection is not a format problem: the caller may retry it.
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        // A bad byte sequence surfaces as an IOException but is the document's fault.
        if (cause instanceof IOException io && !(io instanceof CharConversionException)) throw io;
    }

    /** A StAX message on one line, with the line and column where the parser stopped. */
    public static String oneLine(XMLStreamException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        // The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep both parts on one line.
        return msg.replace("\nMessage: ", " ").replaceAll("\\s+", " ").strip();
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // Not every StAX implementation knows the JAXP access properties; the resolver still refuses.
        }
    }
}

package dev.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class SafeXmlTest {

    private static XMLStreamReader open(String xml) throws Exception {
        return SafeXml.openAtRoot(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void textJoinsChunksEntitiesAndCdataAndStopsOnTheEndTag() throws Exception {
        XMLStreamReader r = open("<r>a &amp; b &#233; <![CDATA[<c>]]><i>d</i> e</r>");

        assertEquals("a & b é <c>d e", SafeXml.text(r));
        assertEquals(XMLStreamConstants.END_ELEMENT, r.getEventType());
        assertEquals("r", r.getLocalName());
    }

    @Test
    void textOverTheLimitIsRefusedAndTheReaderStaysUsable() throws Exception {
        // Far more than one parser chunk (16 K), so the limit is checked while joining, not after buffering.
        XMLStreamReader r = open("<r><big>" + "y".repeat(SafeXml.MAX_TEXT_CHARS + 1) + "</big><small>ok</small></r>");
        r.nextTag();

        SafeXml.TextTooLongException e = assertThrows(SafeXml.TextTooLongException.class, () -> SafeXml.text(r));

        assertEquals("text of <big> is longer than " + SafeXml.MAX_TEXT_CHARS + " characters", e.getMessage());
        r.nextTag();
        assertEquals("small", r.getLocalName());
        assertEquals("ok", SafeXml.text(r));
    }

    @Test
    void connectionFailureStaysAnIoException() {
        String served = "<r><a>1</a><a>2</a>";
        InputStream failing = new InputStream() {
            private int next;

            @Override
            public int read() throws IOException {
                if (next < served.length()) return served.charAt(next++);
                throw new IOException("connection reset");
            }
        };

        IOException e = assertThrows(IOException.class, () -> {
            XMLStreamReader r = SafeXml.openAtRoot(failing, "test");
            try {
                while (r.hasNext()) r.next();
            } catch (javax.xml.stream.XMLStreamException x) {
                SafeXml.rethrowIo(x);
                throw new AssertionError("an I/O failure was reported as a format problem", x);
            }
        });
        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void badByteSequenceIsAFormatProblemNotAnIoFailure() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>caf\u00e9</r>".getBytes(StandardCharsets.ISO_8859_1);

        assertThrows(FormatException.class, () -> {
            XMLStreamReader r = SafeXml.openAtRoot(new ByteArrayInputStream(latin1), "test");
            try {
                SafeXml.text(r);
            } catch (javax.xml.stream.XMLStreamException x) {
                SafeXml.rethrowIo(x);
                throw new FormatException("test: " + SafeXml.oneLine(x), x);
            }
        });
    }

    @Test
    void inputWithoutElementsIsAFormatError() {
        FormatException e = assertThrows(FormatException.class, () -> open("<?xml version=\"1.0\"?><!-- nothing -->"));
        assertTrue(e.getMessage().startsWith("test: "), e.getMessage());
    }

    @Test
    void rootTagSkipsBomDeclarationCommentsAndInstructions() {
        String head = "\uFEFF<?xml version='1.0'?>\n<!-- c --><?pi x?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">";

        assertEquals(Optional.of("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">"), SafeXml.rootTag(head));
        assertEquals("OAI-PMH", SafeXml.localName(SafeXml.rootTag(head).orElseThrow()));
        assertEquals("feed", SafeXml.localName("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">"));
    }

    @Test
    void rootTagOfNonXmlIsEmpty() {
        assertEquals(Optional.empty(), SafeXml.rootTag("{\"id\": 1}"));
        assertEquals(Optional.empty(), SafeXml.rootTag("<!DOCTYPE html><html>"));
        assertEquals(Optional.empty(), SafeXml.rootTag(""));
    }
}

package dev.paperboy.ingest.arxiv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.paperboy.ingest.FormatException;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile documents: external entities, external DTDs and entity-expansion bombs are refused up front. */
class HostileXmlTest {

    private static final String SECRET = "paperboy-secret-4711";
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        // A real server that would hand out a DTD and a secret: any request to it means a fetch happened.
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("<!ENTITY leak \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    }

    private static FormatException atom(String xml, Collected sink) {
        return assertThrows(FormatException.class,
                () -> ArxivAtomParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink));
    }

    private static FormatException oai(String xml, Collected sink) {
        return assertThrows(FormatException.class,
                () -> OaiPmhParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), sink));
    }

    @Test
    void externalFileEntityIsRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, SECRET);
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY xxe SYSTEM "%s">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v1</id>
                <title>&xxe;</title></entry></feed>""".formatted(secret.toUri());
        Collected sink = new Collected();

        FormatException e = atom(xml, sink);

        assertEquals("xml: DTDs are not allowed (atom input)", e.getMessage());
        assertEquals(List.of(), sink.papers);
        assertEquals(List.of(), sink.rejects);
    }

    @Test
    void etcPasswdEntityIsRefused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE OAI-PMH [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>&xxe;</responseDate></OAI-PMH>""";
        Collected sink = new Collected();

        FormatException e = oai(xml, sink);

        assertEquals("xml: DTDs are not allowed (oai input)", e.getMessage());
        assertFalse(e.getMessage().contains("root:"));
        assertEquals(List.of(), sink.notes);
    }

    @Test
    void externalDtdAndParameterEntityAreNeverFetched() {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE feed SYSTEM "%s">
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&leak;</title></feed>""".formatted(url());
        String parameter = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY %% remote SYSTEM "%s"> %%remote;]>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>&leak;</title></feed>""".formatted(url());

        assertEquals("xml: DTDs are not allowed (atom input)", atom(external, new Collected()).getMessage());
        assertEquals("xml: DTDs are not allowed (atom input)", atom(parameter, new Collected()).getMessage());
        assertEquals(0, requests.get(), "the parser contacted the DTD server");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE OAI-PMH [" + dtd + "]>"
                + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>&lol10;</responseDate></OAI-PMH>";

        // Refused when the DTD is seen, before any entity could expand.
        FormatException e = oai(xml, new Collected());

        assertEquals("xml: DTDs are not allowed (oai input)", e.getMessage());
    }

    @Test
    void doctypeAfterTheRootIsNotWellFormed() {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><!DOCTYPE x [<!ENTITY a \"b\">]><title>&a;</title></feed>";

        FormatException e = atom(xml, new Collected());

        assertTrue(e.getMessage().startsWith("atom: unable to parse feed after 0 entries"), e.getMessage());
    }

    @Test
    void undeclaredEntityInARecordIsAFormatError() {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&nbsp;</title></entry></feed>";

        FormatException e = atom(xml, new Collected());

        assertTrue(e.getMessage().contains("nbsp"), e.getMessage());
    }
}

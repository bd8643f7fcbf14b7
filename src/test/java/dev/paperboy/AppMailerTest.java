package dev.paperboy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.mail.Mail;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The app's mailer follows the settings: SMTP when a host is set, the log otherwise. */
class AppMailerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dir;

    @Test
    void withAnSmtpHostTheAppsMailerDeliversToThatServer() throws Exception {
        Config config = Config.load(Map.of("PAPERBOY_DATA", dir.toString(),
                "PAPERBOY_SMTP_HOST", "127.0.0.1", "PAPERBOY_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "PAPERBOY_SMTP_TLS", "none", "PAPERBOY_SMTP_FROM", "Paperboy <papers@example.org>"), Map.of());
        try (App app = App.open(config, CLOCK)) {
            assertSame(app.mailer(), app.mailer(), "one mailer per app");
            app.mailer().send(Mail.of("ada@example.net", "Sign in to Paperboy", "https://papers.example.org/s?t=1"));
        }

        assertTrue(SMTP.waitForIncomingEmail(5_000, 1));
        assertEquals("Sign in to Paperboy", SMTP.getReceivedMessages()[0].getSubject());
        assertEquals("papers@example.org", ((InternetAddress) SMTP.getReceivedMessages()[0].getFrom()[0]).getAddress());
    }

    @Test
    void withoutAnSmtpHostTheAppsMailerWritesTheLinkToTheLog() {
        Config config = Config.load(Map.of("PAPERBOY_DATA", dir.toString()), Map.of());
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (App app = App.open(config, CLOCK)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            app.mailer().send(Mail.of("ada@example.net", "Sign in to Paperboy", "Go to https://localhost:8080/s?t=2 now"));
        } finally {
            System.setErr(original);
        }

        List<String> mailLines = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("MAIL (no SMTP configured)")).toList();
        assertEquals(1, mailLines.size(), captured.toString(StandardCharsets.UTF_8));
        assertTrue(mailLines.getFirst().endsWith("to=ada@example.net subject=\"Sign in to Paperboy\" "
                + "link: https://localhost:8080/s?t=2"), mailLines.getFirst());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }
}

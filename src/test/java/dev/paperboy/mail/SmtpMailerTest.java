package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.paperboy.mail.SmtpSettings.Tls;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP mailer against a real SMTP server (GreenMail: plain SMTP and SMTPS) and against broken ones. */
class SmtpMailerTest {

    // Before the extension: GreenMail's SMTPS reads its certificate once, when the first one starts.
    private static final TestCertificates.Identity LOCALHOST = TestCertificates.localhost();
    private static final String LOOPBACK = "127.0.0.1";
    private static final String LOGIN = "paperboy";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final String FROM = "Paperboy <papers@example.org>";

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(new ServerSetup[] {
            onLoopback(ServerSetup.PROTOCOL_SMTP), onLoopback(ServerSetup.PROTOCOL_SMTPS)})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("papers@example.org", LOGIN, PASSWORD));

    /** A server on a free port of 127.0.0.1, allowed time to start (the first SMTPS start sets up TLS, ~2 s on a busy box). */
    private static ServerSetup onLoopback(String protocol) {
        ServerSetup setup = new ServerSetup(0, LOOPBACK, protocol).dynamicPort();
        setup.setServerStartupTimeout(20_000);
        return setup;
    }

    private static SmtpSettings plain() {
        return SmtpSettings.of(LOOPBACK, SERVER.getSmtp().getPort(), Tls.NONE, "", "", FROM);
    }

    private static MimeMessage onlyReceived() {
        assertTrue(SERVER.waitForIncomingEmail(5_000, 1), "no message arrived");
        MimeMessage[] received = SERVER.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }

    @Test
    void aPlainTextMessageArrivesWithItsSenderRecipientSubjectAndTheClocksDate() throws Exception {
        new SmtpMailer(plain(), CLOCK).send(Mail.of("ada@example.net", "Your sign-in link",
                "Sign in: https://papers.example.org/signin?token=abc\n"));

        MimeMessage m = onlyReceived();
        assertEquals(new InternetAddress(FROM), m.getFrom()[0]);
        assertEquals("Paperboy", ((InternetAddress) m.getFrom()[0]).getPersonal());
        assertEquals(new InternetAddress("ada@example.net"), m.getRecipients(Message.RecipientType.TO)[0]);
        assertEquals(1, m.getAllRecipients().length);
        assertEquals("Your sign-in link", m.getSubject());
        assertEquals(Date.from(CLOCK.instant()), m.getSentDate());
        assertTrue(m.getContentType().startsWith("text/plain"), m.getContentType());
        assertTrue(m.getContentType().toLowerCase().contains("charset=utf-8"), m.getContentType());
        assertEquals("Sign in: https://papers.example.org/signin?token=abc", m.getContent().toString().strip());
        // The Message-ID names the sender's domain, not a looked-up name of this machine.
        assertTrue(m.getMessageID().endsWith("@example.org>"), m.getMessageID());
    }

    @Test
    void anHtmlAlternativeMakesAMultipartAlternativeWithPlainTextFirstAndHtmlLast() throws Exception {
        new SmtpMailer(plain(), CLOCK).send(Mail.of("ada@example.net", "Digest", "Three papers today.")
                .withHtml("<p>Three <b>papers</b> today.</p>"));

        MimeMessage m = onlyReceived();
        assertTrue(m.getContentType().startsWith("multipart/alternative"), m.getContentType());
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(2, parts.getCount());
        BodyPart plain = parts.getBodyPart(0), html = parts.getBodyPart(1);
        assertTrue(plain.isMimeType("text/plain"), plain.getContentType());
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertEquals("Three papers today.", plain.getContent().toString());
        assertEquals("<p>Three <b>papers</b> today.</p>", html.getContent().toString());
        assertTrue(html.getContentType().toLowerCase().contains("charset=utf-8"), html.getContentType());
    }

    @Test
    void aUtf8SubjectAndBodyArriveIntactAndTheSubjectIsEncodedOnTheWire() throws Exception {
        String subject = "Neue Artikel für Sie — 論文 ✉ “quoted” Ω";
        String text = "Grüße! Ünïcödé bodies survive: 日本語, Ελληνικά, emoji 📄.\nSecond line.";
        new SmtpMailer(plain(), CLOCK).send(Mail.of("zoe@example.net", subject, text)
                .withHtml("<p>Grüße — 日本語 📄</p>"));

        MimeMessage m = onlyReceived();
        assertEquals(subject, m.getSubject());
        String raw = raw(m);
        assertTrue(raw.contains("Subject: =?UTF-8?"), raw);
        assertTrue(raw.chars().allMatch(c -> c < 128), "the message on the wire is 7-bit: " + raw);
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertEquals(text, parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n"));
        assertEquals("<p>Grüße — 日本語 📄</p>", parts.getBodyPart(1).getContent().toString());
    }

    @Test
    void extraHeadersSuchAsListUnsubscribeArrive() throws Exception {
        new SmtpMailer(plain(), CLOCK).send(Mail.of("ada@example.net", "Digest", "Papers.")
                .withHeader("List-Unsubscribe", "<https://papers.example.org/unsubscribe?t=xyz>")
                .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));

        MimeMessage m = onlyReceived();
        assertEquals("<https://papers.example.org/unsubscribe?t=xyz>", m.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
    }

    @Test
    void itLogsInWithTheUserNameAndPasswordAndAWrongPasswordFailsWithoutShowingIt() {
        SmtpSettings good = SmtpSettings.of(LOOPBACK, SERVER.getSmtp().getPort(), Tls.NONE, LOGIN, PASSWORD, FROM);
        new SmtpMailer(good, CLOCK).send(Mail.of("ada@example.net", "Signed in", "Hello."));
        assertEquals("Signed in", subjectOf(onlyReceived()));

        SmtpSettings bad = SmtpSettings.of(LOOPBACK, SERVER.getSmtp().getPort(), Tls.NONE, LOGIN,
                "wrong-password-1234", FROM);
        MailException e = assertThrows(MailException.class,
                () -> new SmtpMailer(bad, CLOCK).send(Mail.of("ada@example.net", "Not sent", "Hello.")));
        assertTrue(e.getMessage().contains("authentication failed for user " + LOGIN), e.getMessage());
        assertTrue(e.getMessage().contains(LOOPBACK + ":" + SERVER.getSmtp().getPort()), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-password-1234"), e.getMessage());
        assertEquals(1, SERVER.getReceivedMessages().length, "the failed message was not delivered");
    }

    @Test
    void tlsModeSendsOverSmtpsToAServerWithATrustedCertificateForItsName() throws Exception {
        SmtpSettings tls = SmtpSettings.of(LOOPBACK, SERVER.getSmtps().getPort(), Tls.TLS, LOGIN, PASSWORD, FROM);
        new SmtpMailer(tls, CLOCK, LOCALHOST.trustingIt()).send(Mail.of("ada@example.net", "Over TLS", "Secret link."));

        assertEquals("Over TLS", subjectOf(onlyReceived()));
    }

    @Test
    void tlsModeRefusesACertificateTheJvmDoesNotTrust() {
        SmtpSettings tls = SmtpSettings.of(LOOPBACK, SERVER.getSmtps().getPort(), Tls.TLS, LOGIN, PASSWORD, FROM);
        MailException e = assertThrows(MailException.class,
                () -> new SmtpMailer(tls, CLOCK).send(Mail.of("ada@example.net", "Not sent", "Secret link.")));

        assertTrue(e.getMessage().contains("TLS failed"), e.getMessage());
        assertTrue(e.getMessage().contains(LOOPBACK + ":" + SERVER.getSmtps().getPort() + " (tls)"), e.getMessage());
        assertEquals(0, SERVER.getReceivedMessages().length);
    }

    @Test
    void tlsModeRefusesATrustedCertificateIssuedForAnotherName() throws Exception {
        TestCertificates.Identity other = TestCertificates.forName("mail.other.example");
        try (ServerSocket server = other.serving().createServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Thread greeter = Thread.ofVirtual().start(() -> greetOnce(server));
            SmtpSettings tls = SmtpSettings.of(LOOPBACK, server.getLocalPort(), Tls.TLS, "", "", FROM)
                    .withTimeouts(Duration.ofSeconds(5));
            MailException e = assertThrows(MailException.class, () -> new SmtpMailer(tls, CLOCK, other.trustingIt())
                    .send(Mail.of("ada@example.net", "Not sent", "Secret link.")));

            assertTrue(e.getMessage().contains(LOOPBACK + ":" + server.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("TLS failed"), e.getMessage());
            assertTrue(e.getMessage().contains("No subject alternative names matching IP address " + LOOPBACK),
                    e.getMessage());
            greeter.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void starttlsModeRefusesAServerThatDoesNotOfferStarttlsInsteadOfSendingInTheClear() {
        // GreenMail's plain SMTP does not offer STARTTLS.
        SmtpSettings starttls = SmtpSettings.of(LOOPBACK, SERVER.getSmtp().getPort(), Tls.STARTTLS, LOGIN, PASSWORD,
                FROM);
        MailException e = assertThrows(MailException.class,
                () -> new SmtpMailer(starttls, CLOCK).send(Mail.of("ada@example.net", "Not sent", "Secret link.")));

        assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
        assertTrue(e.getMessage().contains(LOOPBACK + ":" + SERVER.getSmtp().getPort() + " (starttls)"), e.getMessage());
        assertEquals(0, SERVER.getReceivedMessages().length);
    }

    @Test
    void aRefusedConnectionIsAMailExceptionNamingHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            closedPort = s.getLocalPort();
        }
        SmtpSettings nobody = SmtpSettings.of(LOOPBACK, closedPort, Tls.STARTTLS, "", "", FROM);

        MailException e = assertThrows(MailException.class,
                () -> new SmtpMailer(nobody, CLOCK).send(Mail.of("ada@example.net", "Hello", "Hi.")));
        assertEquals("mail: unable to send via SMTP " + LOOPBACK + ":" + closedPort + " (starttls): "
                + "connection refused or unreachable", e.getMessage().replaceAll(" \\(Connection refused.*\\)$", ""));
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsAfterTheReadTimeoutInsteadOfHanging() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Thread holder = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().read(); // until the client gives up
                } catch (IOException ignored) {
                    // the client hung up
                }
            });
            SmtpSettings slow = SmtpSettings.of(LOOPBACK, silent.getLocalPort(), Tls.NONE, "", "", FROM)
                    .withTimeouts(Duration.ofMillis(400));

            MailException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(MailException.class,
                    () -> new SmtpMailer(slow, CLOCK).send(Mail.of("ada@example.net", "Hello", "Hi."))));
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(e.getMessage().contains(LOOPBACK + ":" + silent.getLocalPort()), e.getMessage());
            holder.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRecipientTheServerRefusesIsAMailExceptionWithTheServersReason() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            Thread refuser = Thread.ofVirtual().start(() -> refuseEveryRecipient(server));
            SmtpSettings s = SmtpSettings.of(LOOPBACK, server.getLocalPort(), Tls.NONE, "", "", FROM)
                    .withTimeouts(Duration.ofSeconds(5));

            MailException e = assertThrows(MailException.class,
                    () -> new SmtpMailer(s, CLOCK).send(Mail.of("nobody@example.net", "Hello", "Hi.")));
            assertTrue(e.getMessage().startsWith("mail: unable to send via SMTP " + LOOPBACK + ":"
                    + server.getLocalPort() + " (none): the server refused the recipient ("), e.getMessage());
            assertTrue(e.getMessage().contains("550 5.1.1 <nobody@example.net>: no such user"), e.getMessage());
            refuser.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void aRecipientThatIsNotAnAddressIsRefusedBeforeConnecting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmtpMailer(plain(), CLOCK).send(Mail.of("ada@exa..mple", "Hello", "Hi.")));
        assertTrue(e.getMessage().startsWith("mail: the recipient is not a valid address"), e.getMessage());
        assertEquals(0, SERVER.getReceivedMessages().length);
    }

    @Test
    void settingsNeverShowThePassword() {
        SmtpSettings s = SmtpSettings.of("smtp.example.org", 587, Tls.STARTTLS, "bot", "hunter2-secret", FROM);
        assertFalse(s.toString().contains("hunter2-secret"), s.toString());
        assertTrue(s.toString().contains("password=***"), s.toString());
    }

    /** Accepts one TLS connection, completes the handshake if the client does, and greets. */
    private static void greetOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            OutputStream out = s.getOutputStream();
            out.write("220 mail.other.example ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.getInputStream().read();
        } catch (IOException ignored) {
            // the client refused the certificate and hung up
        }
    }

    /** A minimal SMTP server for one connection that accepts everything but the recipients. */
    private static void refuseEveryRecipient(ServerSocket server) {
        try (Socket s = server.accept()) {
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            reply(out, "220 refuser.example ESMTP");
            for (String line; (line = in.readLine()) != null; ) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 ok");
                    case "RCPT" -> reply(out, "550 5.1.1 <nobody@example.net>: no such user");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not here");
                }
            }
        } catch (IOException ignored) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String raw(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}

package dev.paperboy.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each message over its own SMTP connection (Angus Mail): connect, optionally STARTTLS or TLS from the
 * start, log in when a user name is set, send, quit. Certificates are checked against the JVM's trust store
 * and the server's name; with {@code starttls} a server that does not offer STARTTLS fails rather than getting
 * the message (and the password) in the clear. Connect, read and write timeouts bound every step.
 */
public final class SmtpMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final InternetAddress from;

    /** A mailer that trusts the JVM's certificate authorities. */
    public SmtpMailer(SmtpSettings settings, Clock clock) {
        this(settings, clock, null);
    }

    /**
     * A mailer whose TLS connections (both {@code tls} and {@code starttls}) use {@code tlsSockets} when it is
     * not null: how a test trusts its own server's certificate. The server's name is checked either way.
     */
    public SmtpMailer(SmtpSettings settings, Clock clock, SSLSocketFactory tlsSockets) {
        this.settings = settings;
        this.clock = clock;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail: the sender address is not valid: " + e.getMessage(), e);
        }
        // Session.getInstance, not getDefaultInstance: no process-wide session shared with anyone else.
        this.session = Session.getInstance(properties(settings, from, tlsSockets));
        if (settings.authenticates() && settings.tls() == SmtpSettings.Tls.NONE && !isLoopback(settings.host())) {
            log.warn("mail: the SMTP password goes to {} without TLS (smtp-tls=none)", settings.where());
        }
    }

    private static Properties properties(SmtpSettings s, InternetAddress from, SSLSocketFactory tlsSockets) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", s.host());
        p.setProperty("mail.smtp.port", Integer.toString(s.port()));
        p.setProperty("mail.smtp.connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", Long.toString(s.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", Long.toString(s.writeTimeout().toMillis()));
        p.setProperty("mail.smtp.auth", Boolean.toString(s.authenticates()));
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(s.tls() == SmtpSettings.Tls.TLS));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.tls() == SmtpSettings.Tls.STARTTLS));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(s.tls() == SmtpSettings.Tls.STARTTLS));
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        if (tlsSockets != null) p.put("mail.smtp.ssl.socketFactory", tlsSockets);
        // A connection that fails through the socket factory fails: no second try with another one.
        p.setProperty("mail.smtp.socketFactory.fallback", "false");
        // The Message-ID's domain comes from here instead of a look-up of this machine's name.
        p.setProperty("mail.from", from.getAddress());
        // Never the protocol trace: it holds the AUTH exchange.
        p.setProperty("mail.debug", "false");
        return p;
    }

    @Override
    public void send(Mail mail) {
        MimeMessage message = compose(mail);
        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new MailException("mail: no SMTP transport: " + e.getMessage(), e);
        }
        try {
            if (settings.authenticates()) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw new MailException("mail: unable to send via SMTP " + settings.where() + ": " + whatFailed(e), e);
        } finally {
            quit(transport);
        }
    }

    /**
     * Says goodbye. Once the server has accepted the message a failure here changes nothing (the message is
     * on its way), so it is logged rather than thrown: a caller must not send it again.
     */
    private void quit(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("mail: closing the SMTP connection to {} failed: {}", settings.where(), oneLine(e.getMessage()));
        }
    }

    /** The MIME message: UTF-8 throughout, plain text alone or plain text and HTML as alternatives. */
    private MimeMessage compose(Mail mail) {
        InternetAddress to;
        try {
            to = new InternetAddress(mail.to(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail: the recipient is not a valid address: " + e.getMessage(), e);
        }
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(from);
            m.setRecipient(Message.RecipientType.TO, to);
            m.setSubject(mail.subject(), UTF_8);
            m.setSentDate(Date.from(clock.instant()));
            if (mail.html().isEmpty()) {
                m.setText(mail.text(), UTF_8);
            } else {
                // Alternatives go from plainest to richest (RFC 2046): readers show the last one they can.
                MimeMultipart alternatives = new MimeMultipart("alternative");
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(mail.text(), UTF_8);
                MimeBodyPart html = new MimeBodyPart();
                html.setText(mail.html().get(), UTF_8, "html");
                alternatives.addBodyPart(plain);
                alternatives.addBodyPart(html);
                m.setContent(alternatives);
            }
            for (Map.Entry<String, String> h : mail.headers().entrySet()) {
                String encoded = MimeUtility.encodeText(h.getValue(), UTF_8, null);
                m.setHeader(h.getKey(), MimeUtility.fold(h.getKey().length() + 2, encoded));
            }
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailException("mail: unable to compose the message: " + e.getMessage(), e);
        }
    }

    /** What went wrong, in words, from the exception and its causes. */
    private String whatFailed(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return "authentication failed for user " + settings.username() + " (" + oneLine(e.getMessage()) + ")";
        }
        if (e instanceof SendFailedException sf && sf.getInvalidAddresses() != null
                && sf.getInvalidAddresses().length > 0) {
            return "the server refused the recipient (" + oneLine(innermost(e).getMessage()) + ")";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) return "connection refused or unreachable (" + oneLine(t.getMessage()) + ")";
            if (t instanceof UnknownHostException) return "unknown host " + settings.host();
            if (t instanceof SocketTimeoutException) {
                return "timed out (connect " + settings.connectTimeout().toMillis() + " ms, read/write "
                        + settings.readTimeout().toMillis() + " ms): " + oneLine(t.getMessage());
            }
            if (t instanceof SSLException) return "TLS failed: " + oneLine(t.getMessage());
        }
        return oneLine(e.getMessage());
    }

    private static Throwable innermost(Throwable t) {
        Throwable in = t;
        while (in.getCause() != null && in.getCause() != in) in = in.getCause();
        return in;
    }

    private static String oneLine(String s) {
        return s == null ? "no detail" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}

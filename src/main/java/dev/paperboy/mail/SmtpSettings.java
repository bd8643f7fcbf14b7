package dev.paperboy.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how the SMTP mailer sends: built from {@code Config} in {@code App}, holding no defaults or
 * variable names of its own apart from the timeouts. {@code username} empty means no authentication.
 * {@link #toString()} masks the password.
 */
public record SmtpSettings(String host, int port, Tls tls, String username, String password, String from,
        Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

    /**
     * Long enough for a slow server, short enough that a dead one fails a request instead of hanging it:
     * connecting, then each read and each write, may take at most this long.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(20);

    /** How the connection is protected. */
    public enum Tls {
        /** Plain SMTP (a relay on the same host or network). */
        NONE(25),
        /** Plain connection upgraded with STARTTLS, which is required: a server that does not offer it fails. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS, "implicit TLS"). */
        TLS(465);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The usual port of this mode: 25, 587 or 465. */
        public int defaultPort() {
            return defaultPort;
        }

        /** The setting's value: {@code none}, {@code starttls} or {@code tls}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named {@code value} ({@code none}, {@code starttls}, {@code tls}); empty when there is none. */
        public static Optional<Tls> parse(String value) {
            for (Tls t : values()) {
                if (t.value().equals(value)) return Optional.of(t);
            }
            return Optional.empty();
        }
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("mail: the SMTP host is empty");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("mail: SMTP port " + port + " is out of range");
        if (tls == null) throw new IllegalArgumentException("mail: the TLS mode is missing");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        checkFrom(from).ifPresent(problem -> {
            throw new IllegalArgumentException("mail: the sender address " + problem);
        });
        for (Duration d : new Duration[] {connectTimeout, readTimeout, writeTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("mail: SMTP timeouts must be positive");
            }
        }
    }

    /** Settings with the default timeouts. */
    public static SmtpSettings of(String host, int port, Tls tls, String username, String password, String from) {
        return new SmtpSettings(host, port, tls, username, password, from, CONNECT_TIMEOUT, READ_TIMEOUT,
                WRITE_TIMEOUT);
    }

    /** These settings with every timeout set to {@code timeout}. */
    public SmtpSettings withTimeouts(Duration timeout) {
        return new SmtpSettings(host, port, tls, username, password, from, timeout, timeout, timeout);
    }

    /** Whether the mailer logs in ({@code username} is set). */
    public boolean authenticates() {
        return !username.isEmpty();
    }

    /** {@code host:port (tls mode)}, for messages. */
    public String where() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host; // an IPv6 literal
        return h + ":" + port + " (" + tls.value() + ")";
    }

    /**
     * What is wrong with a sender address ({@code papers@example.org} or {@code Paperboy <papers@example.org>}),
     * parsed strictly; empty when it is fine.
     */
    public static Optional<String> checkFrom(String from) {
        if (from == null || from.isBlank()) return Optional.of("is empty");
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            if (parsed.length != 1) return Optional.of("must be one address");
            parsed[0].validate();
            String address = parsed[0].getAddress();
            if (address == null || address.indexOf('@') < 1) return Optional.of("must be an address like papers@example.org");
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("is not a valid address (" + e.getMessage() + ")");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls.value() + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "***") + ", from=" + from + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", writeTimeout=" + writeTimeout + "]";
    }
}

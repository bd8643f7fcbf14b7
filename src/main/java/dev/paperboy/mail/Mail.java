package dev.paperboy.mail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One message to one recipient: a subject, a plain-text body and, optionally, an HTML alternative of the same
 * content (then it goes out as {@code multipart/alternative}, plain text first). {@code headers} are extra
 * header fields such as {@code List-Unsubscribe}; the mailer sets From, To, Subject, Date, Message-ID and the
 * MIME fields itself, so those are refused here.
 *
 * <p>Nothing here may carry a line break into a header: a subject or header value with CR or LF (header
 * injection) is refused, not cleaned, so the caller decides what the text should be.
 */
public record Mail(String to, String subject, String text, Optional<String> html, Map<String, String> headers) {

    // Lower-case; the fields the mailer writes itself.
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "reply-to", "sender", "subject",
            "date", "message-id", "mime-version", "content-type", "content-transfer-encoding");
    // RFC 5321 limits an address to 254 characters in practice (a 256-octet path minus the angle brackets).
    private static final int MAX_ADDRESS = 254;
    // RFC 5322: a header line is at most 998 characters; a subject near that is a mistake, not a subject.
    private static final int MAX_SUBJECT = 900;

    public Mail {
        checkAddress(to);
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("mail: the subject is empty");
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("mail: the subject is longer than " + MAX_SUBJECT + " characters");
        }
        checkNoControl("the subject", subject);
        if (text == null) throw new IllegalArgumentException("mail: the plain-text body is missing");
        if (html == null) throw new IllegalArgumentException("mail: html must be Optional.empty(), not null");
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                checkHeaderName(name);
                if (value == null) throw new IllegalArgumentException("mail: header " + name + " has no value");
                checkNoControl("header " + name, value);
                copy.put(name, value);
            });
        }
        headers = Collections.unmodifiableMap(copy);
    }

    /** A plain-text message with no extra headers. */
    public static Mail of(String to, String subject, String text) {
        return new Mail(to, subject, text, Optional.empty(), Map.of());
    }

    /** This message with an HTML alternative of its text. */
    public Mail withHtml(String htmlBody) {
        if (htmlBody == null) throw new IllegalArgumentException("mail: the HTML body is null");
        return new Mail(to, subject, text, Optional.of(htmlBody), headers);
    }

    /** This message with one more header field (replacing one of the same name). */
    public Mail withHeader(String name, String value) {
        LinkedHashMap<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Mail(to, subject, text, html, more);
    }

    /**
     * A structural check of one bare address ({@code local@domain}): no display name, no list, no spaces or
     * control characters. The SMTP mailer parses it strictly as well; this keeps a second recipient or a header
     * out of the message whichever mailer sends it.
     */
    private static void checkAddress(String to) {
        if (to == null || to.isBlank()) throw new IllegalArgumentException("mail: the recipient is empty");
        if (to.length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("mail: the recipient is longer than " + MAX_ADDRESS + " characters");
        }
        int at = to.lastIndexOf('@');
        boolean ok = at > 0 && at < to.length() - 1 && to.indexOf('@') == at;
        for (int i = 0; ok && i < to.length(); i++) {
            char c = to.charAt(i);
            ok = c > ' ' && c != 0x7f && ",;<>()\"\\[]".indexOf(c) < 0;
        }
        if (!ok) throw new IllegalArgumentException("mail: the recipient is not one plain address: \"" + printable(to) + "\"");
    }

    private static void checkHeaderName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("mail: a header has no name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // RFC 5322 field-name: printable US-ASCII except the colon.
            if (c < '!' || c > '~' || c == ':') {
                throw new IllegalArgumentException("mail: \"" + printable(name) + "\" is not a header name");
            }
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("mail: header " + name + " is set by the mailer, not by the message");
        }
    }

    private static void checkNoControl(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException("mail: " + what + " contains a line break or control character");
            }
        }
    }

    /** The text with control characters shown as {@code ?}, for an error message that stays on one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}

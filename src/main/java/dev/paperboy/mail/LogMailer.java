package dev.paperboy.mail;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer when no SMTP server is configured: each message becomes one warning line in the server log,
 * starting {@code MAIL (no SMTP configured)}, with the recipient, the subject and the links of the plain-text
 * body, so that a self-hoster on one box can follow a sign-in link from the log. The rest of the body is not
 * logged. Warning, not info, because the message was not delivered, and so that commands which log only
 * warnings still show it.
 */
public final class LogMailer implements Mailer {

    /** How every line starts; grep the log for it. */
    public static final String MARK = "MAIL (no SMTP configured)";

    private static final Logger log = LoggerFactory.getLogger(LogMailer.class);
    // A link is printable ASCII up to white space or a character that ends a URL in running text.
    private static final Pattern LINK = Pattern.compile("https?://[!-~&&[^<>\"'`]]+");
    // Sentence punctuation after a link belongs to the sentence (a closing parenthesis only when unbalanced).
    private static final String TRAILING = ".,;:!?]}";
    // A digest has a link per paper; the log line names the first few and counts the rest.
    private static final int MAX_LINKS = 10;

    private final Consumer<String> out;

    /** Writes to the server log. */
    public LogMailer() {
        this(log::warn);
    }

    /** Writes each line to {@code out} instead (tests). */
    LogMailer(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void send(Mail mail) {
        out.accept(line(mail));
    }

    /** The one line for a message: mark, recipient, quoted subject, then the body's links. */
    static String line(Mail mail) {
        StringBuilder b = new StringBuilder(MARK).append(" to=").append(oneLine(mail.to()))
                .append(" subject=").append(quoted(mail.subject()));
        Set<String> links = links(mail.text());
        if (!links.isEmpty()) {
            b.append(links.size() == 1 ? " link: " : " links: ");
            int shown = 0;
            for (String link : links) {
                if (shown == MAX_LINKS) {
                    b.append(" (+").append(links.size() - MAX_LINKS).append(" more)");
                    break;
                }
                if (shown > 0) b.append(' ');
                b.append(link);
                shown++;
            }
        }
        return b.toString();
    }

    /** The distinct http(s) links of a text, in order. */
    static Set<String> links(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group();
            int end = link.length();
            while (end > 0 && (TRAILING.indexOf(link.charAt(end - 1)) >= 0
                    || link.charAt(end - 1) == ')' && unbalanced(link.substring(0, end)))) {
                end--;
            }
            found.add(link.substring(0, end));
        }
        return found;
    }

    private static boolean unbalanced(String link) {
        return link.chars().filter(c -> c == ')').count() > link.chars().filter(c -> c == '(').count();
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else b.append(breaksLine(c) ? ' ' : c);
        }
        return b.append('"').toString();
    }

    /** The text with anything that could start a new log line replaced by a space. */
    private static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) b.append(breaksLine(s.charAt(i)) ? ' ' : s.charAt(i));
        return b.toString();
    }

    private static boolean breaksLine(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}

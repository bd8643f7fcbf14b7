package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without SMTP each message is one marked log line carrying what a person needs to act on it: its links. */
class LogMailerTest {

    private static final String SIGN_IN = "https://papers.example.org/signin?token=Zm9v-YmFy_baz&n=1";

    @Test
    void aSignInMailIsOneMarkedLineInTheServerLogWithItsLink() {
        Mail mail = Mail.of("ada@example.net", "Sign in to Paperboy",
                "Hello,\n\nfollow this link within 15 minutes to sign in:\n\n" + SIGN_IN + "\n\nIf it was not you, ignore this mail.\n")
                .withHtml("<p><a href=\"" + SIGN_IN + "\">Sign in</a></p>");

        // slf4j-simple writes to whatever System.err is at the moment of logging.
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            new LogMailer().send(mail);
        } finally {
            System.setErr(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.getFirst();
        assertTrue(line.contains(" WARN LogMailer - MAIL (no SMTP configured) to=ada@example.net "
                + "subject=\"Sign in to Paperboy\" link: " + SIGN_IN), line);
        assertTrue(line.endsWith(SIGN_IN), line);
        assertFalse(line.contains("within 15 minutes"), "the rest of the body stays out of the log: " + line);
    }

    @Test
    void aMessageWithManyLinksNamesTheFirstTenOnceEachAndCountsTheRest() {
        StringBuilder body = new StringBuilder("Today's papers:\n");
        for (int i = 1; i <= 12; i++) body.append("- https://papers.example.org/papers/2511.0").append(1000 + i).append('\n');
        body.append("Again: https://papers.example.org/papers/2511.01001.\nUnsubscribe: https://papers.example.org/u?t=1");
        List<String> lines = new ArrayList<>();

        new LogMailer(lines::add).send(Mail.of("ada@example.net", "Your digest", body.toString()));

        assertEquals(1, lines.size());
        String line = lines.getFirst();
        assertTrue(line.startsWith(LogMailer.MARK + " to=ada@example.net subject=\"Your digest\" links: "
                + "https://papers.example.org/papers/2511.01001 https://papers.example.org/papers/2511.01002 "), line);
        assertTrue(line.endsWith("https://papers.example.org/papers/2511.01010 (+3 more)"), line);
    }

    @Test
    void linksLoseTheSentencePunctuationAfterThemButKeepBalancedParentheses() {
        assertEquals(List.of("https://a.example/x", "https://en.wikipedia.org/wiki/Mail_(protocol)",
                        "http://b.example/y?q=1"),
                List.copyOf(LogMailer.links("See https://a.example/x. Or (https://en.wikipedia.org/wiki/Mail_(protocol)), "
                        + "or <http://b.example/y?q=1>; not ftp://c.example/z.")));
    }

    @Test
    void quotesAndUnicodeLineSeparatorsInTheSubjectCannotBreakTheLineOrTheQuoting() {
        List<String> lines = new ArrayList<>();
        new LogMailer(lines::add).send(Mail.of("ada@example.net", "A \"quoted\"\u2028subject \\ here", "No links."));

        assertEquals(List.of(LogMailer.MARK + " to=ada@example.net subject=\"A \\\"quoted\\\" subject \\\\ here\""), lines);
    }
}

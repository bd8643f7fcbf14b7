package dev.paperboy.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void oneLineCollapsesEveryRunOfWhitespace() {
        assertEquals("a b c", Text.oneLine("  a\n\tb \r\n  c \f"));
        assertEquals("already one line", Text.oneLine("already one line"));
        assertEquals("x", Text.oneLine("\u2003x\u2003")); // strip() also takes Unicode spaces at the ends
        assertNull(Text.oneLine(" \n\t "));
        assertNull(Text.oneLine(null));
    }

    @Test
    void oneLineAgreesWithTheRegexDefinitionOnRandomText() {
        Random random = new Random(7);
        String alphabet = "ab \t\n\u000B\f\r\u00A0\u2003é";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String expected = s.toString().replaceAll("\\s+", " ").strip();
            assertEquals(expected.isEmpty() ? null : expected, Text.oneLine(s.toString()), "input: " + s);
        }
    }

    @Test
    void paragraphsKeepsBlankLineBreaksAndUnwrapsTheRest() {
        assertEquals("one two\n\nthree", Text.paragraphs("  one\r\ntwo \n \t\n\n  three \n"));
        assertNull(Text.paragraphs("\n \n"));
    }

    @Test
    void paragraphsAgreesWithTheRegexDefinitionOnRandomText() {
        Random random = new Random(11);
        String alphabet = "ab \t\n\n\r\f\u2003";
        for (int round = 0; round < 50_000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertEquals(regexParagraphs(s.toString()), Text.paragraphs(s.toString()), "input: " + s.toString().replace("\n", "\\n"));
        }
    }

    /** The definition before it became a loop: split at blank lines, each paragraph on one line. */
    private static String regexParagraphs(String s) {
        String normalised = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        for (String para : normalised.strip().split("\n[ \t\u000B\f\r]*\n\\s*")) {
            String line = para.replaceAll("\\s+", " ").strip();
            if (line.isEmpty()) continue;
            if (!out.isEmpty()) out.append("\n\n");
            out.append(line);
        }
        return out.isEmpty() ? null : out.toString();
    }
}

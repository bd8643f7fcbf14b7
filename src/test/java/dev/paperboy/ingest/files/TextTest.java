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
}

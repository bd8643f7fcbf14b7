package dev.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message refuses what would let its text reach the headers or a second recipient. */
class MailTest {

    private static String refused(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aLineBreakInTheSubjectOrAHeaderValueIsRefusedNotCleaned() {
        assertTrue(refused(() -> Mail.of("ada@example.net", "Hi\r\nBcc: eve@example.net", "x"))
                .contains("the subject contains a line break"));
        assertTrue(refused(() -> Mail.of("ada@example.net", "Hi", "x")
                .withHeader("List-Unsubscribe", "<https://x>\nBcc: eve@example.net"))
                .contains("header List-Unsubscribe contains a line break"));
    }

    @Test
    void theRecipientIsOnePlainAddress() {
        for (String bad : List.of("", "ada", "ada@", "@example.net", "ada@example.net, eve@example.net",
                "Ada <ada@example.net>", "ada@example.net\r\nBcc: eve@example.net", "a da@example.net", "a@b@c")) {
            assertTrue(refused(() -> Mail.of(bad, "Hi", "x")).startsWith("mail: the recipient"), bad);
        }
        assertEquals("ada.lovelace+papers@example.net", Mail.of("ada.lovelace+papers@example.net", "Hi", "x").to());
    }

    @Test
    void headersTheMailerWritesItselfCannotBeSetAndNamesMustBeFieldNames() {
        for (String name : List.of("From", "to", "BCC", "Subject", "Content-Type", "Message-ID", "Date")) {
            assertTrue(refused(() -> Mail.of("ada@example.net", "Hi", "x").withHeader(name, "v"))
                    .contains("is set by the mailer"), name);
        }
        assertTrue(refused(() -> Mail.of("ada@example.net", "Hi", "x").withHeader("X Bad", "v"))
                .contains("is not a header name"));
        assertTrue(refused(() -> Mail.of("ada@example.net", "Hi", "x").withHeader("X:Bad", "v"))
                .contains("is not a header name"));
    }

    @Test
    void anEmptySubjectOrAMissingBodyIsRefused() {
        assertTrue(refused(() -> Mail.of("ada@example.net", " ", "x")).contains("the subject is empty"));
        assertTrue(refused(() -> Mail.of("ada@example.net", "Hi", null)).contains("plain-text body is missing"));
    }

    @Test
    void headersKeepTheirOrderAndTheMessageCannotBeChangedAfterwards() {
        Mail m = Mail.of("ada@example.net", "Hi", "x").withHeader("List-Unsubscribe", "<https://u>")
                .withHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click").withHtml("<p>x</p>");

        assertEquals(List.of("List-Unsubscribe", "List-Unsubscribe-Post"), List.copyOf(m.headers().keySet()));
        assertEquals(Optional.of("<p>x</p>"), m.html());
        assertThrows(UnsupportedOperationException.class, () -> m.headers().put("X-More", "y"));
        assertEquals(Map.of(), Mail.of("ada@example.net", "Hi", "x").headers());
    }
}

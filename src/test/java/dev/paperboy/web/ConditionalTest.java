package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 9110's rules for If-None-Match and If-Modified-Since, as {@link Conditional} applies them. */
class ConditionalTest {

    private static final String TAG = "W/\"abc\"";
    private static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAListOrAStar() {
        assertTrue(Conditional.isCurrent("W/\"abc\"", null, TAG, MODIFIED));
        assertTrue(Conditional.isCurrent("\"abc\"", null, TAG, MODIFIED), "weak comparison ignores W/");
        assertTrue(Conditional.isCurrent("\"x\", W/\"abc\"", null, TAG, MODIFIED));
        assertTrue(Conditional.isCurrent("*", null, TAG, MODIFIED));
        assertFalse(Conditional.isCurrent("W/\"abd\"", null, TAG, MODIFIED));
        assertFalse(Conditional.isCurrent("", null, TAG, MODIFIED));
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertFalse(Conditional.isCurrent("\"other\"", "Fri, 02 Jan 2026 03:04:05 GMT", TAG, MODIFIED));
        assertTrue(Conditional.isCurrent(TAG, "Thu, 01 Jan 1970 00:00:00 GMT", TAG, MODIFIED));
    }

    @Test
    void ifModifiedSinceComparesWholeSecondsAndIgnoresBadDates() {
        assertTrue(Conditional.isCurrent(null, "Fri, 02 Jan 2026 03:04:05 GMT", TAG, MODIFIED));
        assertTrue(Conditional.isCurrent(null, "Sat, 3 Jan 2026 00:00:00 GMT", TAG, MODIFIED));
        assertFalse(Conditional.isCurrent(null, "Fri, 02 Jan 2026 03:04:04 GMT", TAG, MODIFIED));
        assertFalse(Conditional.isCurrent(null, "yesterday", TAG, MODIFIED));
        assertFalse(Conditional.isCurrent(null, null, TAG, MODIFIED));
    }

    @Test
    void tagsAreWeakAndFollowTheBytesOrTheVersionParts() {
        byte[] a = "<feed/>".getBytes(StandardCharsets.UTF_8);
        assertTrue(Conditional.etagOf(a).matches("W/\"[A-Za-z0-9_-]{22}\""), Conditional.etagOf(a));
        assertEquals(Conditional.etagOf(a), Conditional.etagOf(a.clone()));
        assertNotEquals(Conditional.etagOf(a), Conditional.etagOf("<feed />".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Conditional.versionTag(42L, "/list/cs.LG"), Conditional.versionTag(42L, "/list/cs.LG"));
        assertNotEquals(Conditional.versionTag(42L, "/list/cs.LG"), Conditional.versionTag(43L, "/list/cs.LG"));
        assertNotEquals(Conditional.versionTag("a", "bc"), Conditional.versionTag("ab", "c"), "parts are delimited");
    }
}

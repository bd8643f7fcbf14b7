package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** PageSlots.indexOf (Boyer-Moore-Horspool) finds what a byte-at-a-time search finds, wherever it is. */
class PageSlotsIndexOfTest {

    private static int naive(byte[] in, byte[] marker, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= in.length - marker.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (in[i + j] != marker[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    @Test
    void findsEveryMarkerWhereANaiveSearchDoes() {
        SplittableRandom r = new SplittableRandom(42);
        String[] markers = {PageSlots.ACCOUNT, Csrf.FIELD, "<body>", "<pb-vote data-paper=\"", "<", "ab", "aab"};
        String alphabet = "<>ab /\"=pv-"; // few letters: many near-misses and overlaps
        for (int round = 0; round < 5_000; round++) {
            byte[] marker = markers[r.nextInt(markers.length)].getBytes(StandardCharsets.UTF_8);
            StringBuilder page = new StringBuilder();
            int len = r.nextInt(200);
            for (int i = 0; i < len; i++) {
                if (r.nextInt(40) == 0) page.append(new String(marker, StandardCharsets.UTF_8));
                else page.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            byte[] in = page.toString().getBytes(StandardCharsets.UTF_8);
            int from = r.nextInt(in.length + 2) - 1;
            assertEquals(naive(in, marker, from), PageSlots.indexOf(in, marker, from), page + " / " + from);
        }
    }

    @Test
    void aMarkerAtTheVeryEndOrLongerThanThePageIsHandled() {
        byte[] page = "<html><body>".getBytes(StandardCharsets.UTF_8);
        assertEquals(6, PageSlots.indexOf(page, "<body>".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals(-1, PageSlots.indexOf(page, "<body>".getBytes(StandardCharsets.UTF_8), 7));
        assertEquals(-1, PageSlots.indexOf("<b".getBytes(StandardCharsets.UTF_8), "<body>".getBytes(StandardCharsets.UTF_8), 0));
    }
}

package dev.paperboy.paper.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void instantsAreWrittenFixedWidthWithNanoseconds() {
        assertEquals("2024-03-18T17:59:59.000000000Z",
                PaperColumns.instantText(Instant.parse("2024-03-18T17:59:59Z")));
        assertEquals("0001-01-01T00:00:00.000000001Z",
                PaperColumns.instantText(Instant.parse("0001-01-01T00:00:00.000000001Z")));
    }

    @Test
    void everyInstantRoundTripsExactlyIncludingYearsOutsideFourDigits() {
        List<Instant> samples = new ArrayList<>(List.of(
                Instant.EPOCH, Instant.MIN, Instant.MAX,
                Instant.parse("-0001-12-31T23:59:59.999999999Z"),
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z")));
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long second = r.nextLong(-62_135_596_800L, 253_402_300_799L);
            samples.add(Instant.ofEpochSecond(second, r.nextInt(1_000_000_000)));
        }

        for (Instant t : samples) assertEquals(t, PaperColumns.instant(PaperColumns.instantText(t)), t.toString());
    }

    @Test
    void textOrderIsTimeOrderForFourDigitYears() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant a = Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L), r.nextInt(1_000_000_000));
            Instant b = a.plusNanos(r.nextLong(1, 5_000_000_000L));
            assertTrue(PaperColumns.instantText(a).compareTo(PaperColumns.instantText(b)) < 0, a + " " + b);
        }
    }
}

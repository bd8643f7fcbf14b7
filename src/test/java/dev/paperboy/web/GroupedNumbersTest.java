package dev.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GroupedNumbersTest {

    @Test
    void groupsThousandsLikeTheFormatter() {
        Random random = new Random(23);
        long[] edges = {0, 1, 999, 1_000, -1, -999, -1_000, 12_045, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE + 1};
        for (long n : edges) assertEquals(String.format(Locale.ROOT, "%,d", n), ListViews.grouped(n));
        for (int i = 0; i < 10_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertEquals(String.format(Locale.ROOT, "%,d", n), ListViews.grouped(n), Long.toString(n));
        }
    }
}

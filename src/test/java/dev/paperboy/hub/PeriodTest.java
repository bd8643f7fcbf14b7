package dev.paperboy.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void isoWeekOneMayStartInDecember() {
        Period w = Period.parseWeek("2025-W01").orElseThrow();
        assertEquals(d("2024-12-30"), w.first());
        assertEquals(d("2025-01-05"), w.last());
        assertEquals("2025-W01", Period.weekOf(d("2024-12-31")).key());
        assertEquals("/papers/week/2025-W01", w.path());
    }

    @Test
    void week53ExistsOnlyInLongYearsAndMayEndInJanuary() {
        Period w = Period.parseWeek("2020-W53").orElseThrow();
        assertEquals(d("2020-12-28"), w.first());
        assertEquals(d("2021-01-03"), w.last());
        assertEquals("2020-W53", Period.weekOf(d("2021-01-02")).key());
        assertEquals(Optional.empty(), Period.parseWeek("2021-W53"));
        assertEquals(Optional.empty(), Period.parseWeek("2024-W00"));
        assertEquals("2026-W53", Period.weekOf(d("2027-01-01")).key());
        assertTrue(Period.parseWeek("2026-W53").isPresent());
    }

    @Test
    void monthsAndDaysParseStrictly() {
        Period m = Period.parseMonth("2024-02").orElseThrow();
        assertEquals(d("2024-02-01"), m.first());
        assertEquals(d("2024-02-29"), m.last());
        assertEquals("February 2024", m.label());
        assertEquals(Optional.empty(), Period.parseMonth("2024-13"));
        assertEquals(Optional.empty(), Period.parseDay("2023-02-29"));
        assertEquals(Optional.empty(), Period.parseDay("2024-1-01"));
        assertEquals("Monday 18 March 2024", Period.parseDay("2024-03-18").orElseThrow().label());
    }

    @Test
    void theMonthBeforeJanuaryIsDecemberOfTheYearBefore() {
        Period jan = Period.parseMonth("2025-01").orElseThrow();
        Period dec = jan.sameKindAs(jan.first().minusDays(1));
        assertEquals("2024-12", dec.key());
        assertEquals(d("2024-12-31"), dec.last());
        assertEquals("Week 1 of 2025 (30 December 2024 – 5 January 2025)",
                Period.parseWeek("2025-W01").orElseThrow().label());
    }
}

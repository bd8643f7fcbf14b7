package dev.paperboy.hub;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A day, an ISO week (Monday to Sunday; week 1 holds the year's first Thursday, so it may start in December and
 * week 52 or 53 may end in January) or a calendar month: the span a featured list covers, {@code first} to
 * {@code last} inclusive.
 */
public record Period(Kind kind, LocalDate first, LocalDate last) {

    public enum Kind { DAY, WEEK, MONTH }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static Period day(LocalDate d) {
        return new Period(Kind.DAY, d, d);
    }

    /** The ISO week holding {@code d}. */
    public static Period weekOf(LocalDate d) {
        LocalDate monday = d.with(DayOfWeek.MONDAY);
        return new Period(Kind.WEEK, monday, monday.plusDays(6));
    }

    public static Period monthOf(LocalDate d) {
        YearMonth m = YearMonth.from(d);
        return new Period(Kind.MONTH, m.atDay(1), m.atEndOfMonth());
    }

    /** The period of this kind that holds {@code d}. */
    public Period sameKindAs(LocalDate d) {
        return switch (kind) {
            case DAY -> day(d);
            case WEEK -> weekOf(d);
            case MONTH -> monthOf(d);
        };
    }

    /** {@code YYYY-MM-DD}; empty when it is not a real date. */
    public static Optional<Period> parseDay(String s) {
        if (s == null || !DAY.matcher(s).matches()) return Optional.empty();
        try {
            return Optional.of(day(LocalDate.parse(s)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code YYYY-Www} (ISO week-based year and week); empty when the year has no such week (53 exists only some years). */
    public static Optional<Period> parseWeek(String s) {
        Matcher m = s == null ? null : WEEK.matcher(s);
        if (m == null || !m.matches()) return Optional.empty();
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        // 4 January is always in week 1 of its week-based year.
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (week < 1 || week > jan4.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) return Optional.empty();
        return Optional.of(weekOf(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)));
    }

    /** {@code YYYY-MM}; empty when the month is not 01–12. */
    public static Optional<Period> parseMonth(String s) {
        Matcher m = s == null ? null : MONTH.matcher(s);
        if (m == null || !m.matches()) return Optional.empty();
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) return Optional.empty();
        return Optional.of(monthOf(LocalDate.of(Integer.parseInt(m.group(1)), month, 1)));
    }

    /** How the period is written in its URL: {@code 2024-03-18}, {@code 2024-W12}, {@code 2024-03}. */
    public String key() {
        return switch (kind) {
            case DAY -> first.toString();
            case WEEK -> String.format(Locale.ROOT, "%04d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR),
                    first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(first).toString();
        };
    }

    /** The page of the period: {@code /papers/date/…}, {@code /papers/week/…} or {@code /papers/month/…}. */
    public String path() {
        return switch (kind) {
            case DAY -> "/papers/date/" + key();
            case WEEK -> "/papers/week/" + key();
            case MONTH -> "/papers/month/" + key();
        };
    }

    /** The period in words: "Monday 18 March 2024", "Week 12 of 2024 (18–24 March)", "March 2024". */
    public String label() {
        return switch (kind) {
            case DAY -> first.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + dayMonth(first)
                    + " " + first.getYear();
            case WEEK -> "Week " + first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " of "
                    + first.get(IsoFields.WEEK_BASED_YEAR) + " (" + dayMonth(first) + " " + first.getYear() + " – "
                    + dayMonth(last) + " " + last.getYear() + ")";
            case MONTH -> first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + first.getYear();
        };
    }

    /** The same kind of period around the day one of this covers: the day itself, its week, its month. */
    public Period week() {
        return weekOf(first);
    }

    public Period month() {
        return monthOf(first);
    }

    public boolean contains(LocalDate d) {
        return !d.isBefore(first) && !d.isAfter(last);
    }

    private static String dayMonth(LocalDate d) {
        return d.getDayOfMonth() + " " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}

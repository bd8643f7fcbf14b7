package dev.paperboy.hub;

import java.util.Locale;
import java.util.Optional;

/** The span trending looks at: the latest featured day, or the 7 or 30 days ending with it. */
public enum TrendingWindow {
    DAY(1, "today"),
    WEEK(7, "this week"),
    MONTH(30, "this month");

    private final int days;
    private final String words;

    TrendingWindow(int days, String words) {
        this.days = days;
        this.words = words;
    }

    public int days() {
        return days;
    }

    /** "today", "this week", "this month". */
    public String words() {
        return words;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrendingWindow> parse(String s) {
        if (s == null) return Optional.empty();
        for (TrendingWindow w : values()) if (w.key().equalsIgnoreCase(s.strip())) return Optional.of(w);
        return Optional.empty();
    }
}

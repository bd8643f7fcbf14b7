package dev.paperboy.rank;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The trending score: community points decayed exponentially by the age of the paper's featured day. A pure
 * function of the signals, the featured day, the half-life and the instant asked about; docs/ranking.md gives
 * the formula and the reason for every constant.
 */
public final class Trending {
    private Trending() {}

    /** A vote here weighs what an upvote on Hugging Face weighs: both are one person saying "worth reading". */
    public static final double VOTE_WEIGHT = 1.0;
    /** The unit of points. */
    public static final double UPVOTE_WEIGHT = 1.0;
    /** A comment takes more effort than a click, and comments are rare (most featured papers have 0–3). */
    public static final double COMMENT_WEIGHT = 2.0;
    /** Per doubling of GitHub stars: 1 000 stars count like 10 upvotes, 100 000 like 17 (stars are heavy-tailed). */
    public static final double STAR_WEIGHT = 1.0;
    /** The oldest day of a window counts this fraction of the newest: the half-life is a quarter of the window. */
    public static final int HALVINGS_PER_WINDOW = 4;

    /** The points of a paper before decay. */
    public static double points(Signals s) {
        return VOTE_WEIGHT * s.votes() + UPVOTE_WEIGHT * s.hubUpvotes() + COMMENT_WEIGHT * s.comments()
                + STAR_WEIGHT * log2(1 + s.githubStars());
    }

    /**
     * The score at {@code now} of a paper featured on {@code day}: its points halved every {@code halfLife} since the
     * start of that day (UTC). A day in the future counts as age 0. Exponential decay multiplies every score by the
     * same factor as time passes, so the order of a fixed set of papers changes only when their signals do.
     */
    public static double score(Signals s, LocalDate day, Instant now, Duration halfLife) {
        if (halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("rank: halfLife must be > 0");
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        double ageHours = Math.max(0, Duration.between(start, now).toSeconds() / 3600.0);
        double halfLifeHours = halfLife.toSeconds() / 3600.0;
        return points(s) * Math.pow(2, -ageHours / halfLifeHours);
    }

    /** The half-life that makes the oldest of {@code windowDays} days count 1/16 of the newest. */
    public static Duration halfLife(int windowDays) {
        if (windowDays < 1) throw new IllegalArgumentException("rank: window must be at least one day");
        return Duration.ofHours(24L * windowDays).dividedBy(HALVINGS_PER_WINDOW);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

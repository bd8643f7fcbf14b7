package dev.paperboy.community;

import dev.paperboy.paper.ArxivId;
import dev.paperboy.paper.Paper;
import dev.paperboy.paper.PaperStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submitting a paper to today's list (UTC, the lists' today) from whatever someone pasted: the text is parsed as
 * an arXiv id or URL ({@link ArxivId#parse}); a paper not in the store is looked up at arXiv and stored first; then
 * {@link SubmissionStore#submit} records it, once per paper per day, within the user's daily limit.
 */
public final class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    /** How long to suggest waiting after arXiv could not be reached. */
    public static final Duration RETRY_ARXIV_AFTER = Duration.ofMinutes(1);
    /** The longest pasted text echoed back in a refusal. */
    static final int ECHO = 100;

    /** Looks a paper up at arXiv and stores it (App wires the arXiv API source here, with its politeness). */
    @FunctionalInterface
    public interface ArxivLookup {
        /** The stored paper, or empty when arXiv has no paper with this id. */
        Optional<Paper> fetchAndStore(ArxivId id) throws LookupException, InterruptedException;
    }

    /** A look-up that failed: arXiv refused the id ({@code refused}), or could not be asked or understood. */
    public static final class LookupException extends Exception {
        private final boolean refused;

        public LookupException(String message, boolean refused, Throwable cause) {
            super(message, cause);
            this.refused = refused;
        }

        /** True when arXiv answered that it does not accept the id: asking again will not help. */
        public boolean refused() {
            return refused;
        }
    }

    /** Why a submission was not made. */
    public enum Problem {
        /** The text is no arXiv id or URL (a page answers 400). */
        NOT_AN_ARXIV_ID,
        /** arXiv has no such paper (404). */
        NOT_ON_ARXIV,
        /** arXiv could not be reached or gave an answer we could not read; nothing was stored; retry later (503). */
        ARXIV_UNAVAILABLE,
        /** The user's daily limit is reached (429). */
        LIMIT_REACHED,
        /** The user is blocked or gone (403). */
        BLOCKED
    }

    /** What a submit did. */
    public sealed interface Result {}

    /**
     * The paper is on today's list: {@code isNew} false when it already was (by anyone; the submission shown is the
     * first one), {@code fetched} when it was looked up at arXiv for this submission.
     */
    public record Accepted(Submission submission, Paper paper, boolean isNew, boolean fetched) implements Result {}

    /** Not submitted: why, a sentence to show, and when trying again may work (limit: next UTC midnight). */
    public record Refused(Problem problem, String message, Optional<Duration> retryAfter) implements Result {}

    private final PaperStore papers;
    private final SubmissionStore submissions;
    private final ArxivLookup arxiv;
    private final Clock clock;
    private final int dailyLimit;

    public Submissions(PaperStore papers, SubmissionStore submissions, ArxivLookup arxiv, Clock clock, int dailyLimit) {
        if (dailyLimit < 1) throw new IllegalArgumentException("submit: the daily limit must be at least 1");
        this.papers = papers;
        this.submissions = submissions;
        this.arxiv = arxiv;
        this.clock = clock;
        this.dailyLimit = dailyLimit;
    }

    public int dailyLimit() {
        return dailyLimit;
    }

    /** Today in UTC: the day submissions go to (the lists' today). */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Submits the paper {@code pasted} names for {@code userId} (an active user: the caller checked the session). */
    public Result submit(long userId, String pasted) throws InterruptedException {
        Optional<ArxivId> parsed = ArxivId.parse(pasted);
        if (parsed.isEmpty()) {
            return refuse(Problem.NOT_AN_ARXIV_ID, "\"" + echo(pasted) + "\" is not an arXiv id or URL"
                    + " (for example 2401.12345, arXiv:2401.12345 or https://arxiv.org/abs/2401.12345).");
        }
        // The submission is of the paper, not a version: the store keys papers by their base id.
        String id = parsed.get().base();
        LocalDate day = today();
        Optional<Paper> stored = papers.find(id);
        boolean fetched = false;
        if (stored.isEmpty()) {
            // Ask arXiv only for a submission that could succeed (the store checks the limit again, exactly).
            if (submissions.find(id, day).isEmpty() && submissions.countOn(userId, day) >= dailyLimit) {
                return limitReached(day);
            }
            try {
                stored = arxiv.fetchAndStore(new ArxivId(id, 0));
            } catch (LookupException e) {
                if (e.refused()) return refuse(Problem.NOT_ON_ARXIV, "arXiv does not accept " + id + " as a paper id.");
                log.warn("submit: unable to look up {} at arXiv: {}", id, e.getMessage());
                return new Refused(Problem.ARXIV_UNAVAILABLE, "arXiv could not be reached to look up " + id
                        + "; nothing was submitted. Please try again in a minute.", Optional.of(RETRY_ARXIV_AFTER));
            }
            if (stored.isEmpty()) return refuse(Problem.NOT_ON_ARXIV, "arXiv has no paper " + id + ".");
            fetched = true;
        }
        Outcome<SubmissionStore.Submitted> outcome = submissions.submit(userId, id, day, dailyLimit);
        if (outcome instanceof Outcome.Done<SubmissionStore.Submitted>(var s)) {
            return new Accepted(s.submission(), stored.get(), s.isNew(), fetched);
        }
        return switch (outcome.whyRefused().orElseThrow()) {
            case LIMIT_REACHED -> limitReached(day);
            case BLOCKED -> refuse(Problem.BLOCKED, "This account may not submit papers.");
            case NOT_FOUND, NOT_YOURS -> throw new IllegalStateException(
                    "submit: the store refused " + id + " right after it was stored: " + outcome);
        };
    }

    private Refused limitReached(LocalDate day) {
        Instant midnight = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration wait = Duration.between(clock.instant(), midnight);
        return new Refused(Problem.LIMIT_REACHED, "You have submitted " + dailyLimit + " papers today, the most a day"
                + " allows; you can submit more after midnight UTC.", Optional.of(wait.isNegative() ? Duration.ZERO : wait));
    }

    private static Refused refuse(Problem problem, String message) {
        return new Refused(problem, message, Optional.empty());
    }

    private static String echo(String pasted) {
        String s = pasted == null ? "" : pasted.strip().replaceAll("\\p{Cntrl}", " ");
        return s.length() <= ECHO ? s : s.substring(0, ECHO) + "…";
    }
}

package dev.paperboy.paper;

import java.time.LocalDate;

/**
 * A paper's appearance on an external daily list (Hugging Face's daily papers). Its upvotes are the
 * hub's own and are never mixed with Paperboy's votes.
 */
public record HubEntry(
        String hub,
        LocalDate listDate,
        String submitter,
        int upvotes,
        int comments,
        Integer githubStars) {

    public static final String HUGGING_FACE = "hf";
    /**
     * Submitted to this instance: the entry of a paper someone submitted here, on the day they did (submitter is
     * their name; upvotes and comments stay 0, this instance's own votes and comments are counted apart).
     */
    public static final String LOCAL = "local";
}

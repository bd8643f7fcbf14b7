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
}

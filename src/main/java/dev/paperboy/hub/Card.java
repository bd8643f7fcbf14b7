package dev.paperboy.hub;

import dev.paperboy.paper.Paper;
import dev.paperboy.rank.Signals;
import java.time.LocalDate;

/**
 * A paper as a list shows it: the paper, the day it was featured ({@code null} when never), who submitted it
 * ({@code null} when unknown), its signals (this instance's votes and Hugging Face's upvotes apart), its trending
 * {@code score} at the time the list was built, and the hub entry fields cards show.
 */
public record Card(Paper paper, LocalDate featuredOn, String submitter, Signals signals, Integer githubStars,
        double score) {

    /** The GitHub repository link of the paper (its code link), or null. */
    public String codeUrl() {
        return paper.links().code();
    }
}

package dev.paperboy.rank;

/**
 * What people did with a paper: {@code votes} on this instance, and on its Hugging Face entry {@code hubUpvotes},
 * plus {@code comments} (both sites together) and the stars of its GitHub repository (0 when it has none).
 */
public record Signals(int votes, int hubUpvotes, int comments, int githubStars) {

    public static final Signals NONE = new Signals(0, 0, 0, 0);

    public Signals {
        if (votes < 0 || hubUpvotes < 0 || comments < 0 || githubStars < 0) {
            throw new IllegalArgumentException("rank: signals cannot be negative");
        }
    }

    /** Every vote the paper has, here and on Hugging Face: what sorting by votes orders by. */
    public int allVotes() {
        return votes + hubUpvotes;
    }
}

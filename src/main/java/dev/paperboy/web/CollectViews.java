package dev.paperboy.web;

import java.util.List;

/** What the submit, collection and profile pages render; every text is escaped by the templates. */
public final class CollectViews {
    private CollectViews() {}

    /** The submit form: what was typed (kept after a refusal), the refusal to show, the daily limit. */
    public record SubmitView(String pasted, String problem, String notice, String noticeHref, int dailyLimit) {
        public boolean hasProblem() {
            return !problem.isEmpty();
        }

        public boolean hasNotice() {
            return !notice.isEmpty();
        }
    }

    /**
     * The form of a new collection ({@code action} /collections) or of an existing one's edit page; {@code paper}:
     * a paper to add once it is made ("" for none); {@code id} 0 for a new one.
     */
    public record CollectionFormView(long id, String name, String description, boolean isPublic, String paper,
            String problem) {
        public boolean isNew() {
            return id == 0;
        }

        public boolean hasProblem() {
            return !problem.isEmpty();
        }

        public String action() {
            return isNew() ? "/collections" : "/collections/" + id + "/edit";
        }
    }

    /** A collection's page: its papers as cards (newest added first), one page of them. */
    public record CollectionView(long id, String name, String description, boolean isPublic, String ownerName,
            String ownerUrl, String created, String updated, int total, List<Collected> papers, boolean mine, String previousPage, String nextPage, String feedUrl) {
        public boolean hasDescription() {
            return !description.isEmpty();
        }
    }

    /** A paper of a collection's page and the day it was added. */
    public record Collected(Views.PaperRow row, String added) {}

    /** A line for a collection on a profile or the paper page's control. */
    public record CollectionLine(long id, String name, boolean isPublic, int papers, String url) {}

    /** A submission on a profile: the paper (linked) and the day's list it went to. */
    public record SubmissionLine(String paperUrl, String title, String day, String dayUrl) {}

    /** A user's public profile; {@code own}: the visitor is that user (private collections are shown to them only). */
    public record ProfileView(String name, String memberSince, List<CollectionLine> collections,
            List<SubmissionLine> submissions, boolean own) {}

    /** The "Add to collection" control of a paper page for the signed-in visitor. */
    public record PaperControlsView(String paperId, String next, List<Holding> collections, String signInUrl) {
        public boolean signedIn() {
            return signInUrl.isEmpty();
        }
    }

    /** One of the visitor's collections and whether it holds the paper. */
    public record Holding(long id, String name, boolean isPublic, boolean holds) {}
}

package dev.paperboy.web;

import dev.paperboy.community.Comment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a viewer sees of a paper's discussion (docs/community.md, "Comments on the paper page"), for the page and the
 * JSON API alike, and the records the comment templates render; text is escaped by the templates, except
 * {@link Line#html}, which {@code CommentMarkdown} made safe.
 */
public final class CommentViews {
    private CommentViews() {}

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** How a comment is shown. */
    public enum State {
        /** Its author, time and body. */
        SHOWN,
        /** "[deleted]": its author deleted it, and replies below it are shown. */
        DELETED,
        /** "[hidden]": moderators hid it, and replies below it are shown (to someone who may not see it). */
        HIDDEN
    }

    /**
     * One comment as a viewer sees it. {@code hiddenMark}: moderators hid it and this viewer may still see it (an
     * admin, or its author). {@code mine}: the viewer wrote it (edit and delete). {@code canReply}: a signed-in
     * viewer may answer it.
     */
    public record Line(long id, String paperId, Optional<Long> parentId, State state, String author,
            Instant createdAt, Optional<Instant> editedAt, String body, String html, boolean hiddenMark, boolean mine,
            boolean canReply, boolean moderate) {

        public boolean shown() {
            return state == State.SHOWN;
        }

        public boolean reply() {
            return parentId.isPresent();
        }

        public boolean edited() {
            return editedAt.isPresent();
        }

        public String anchor() {
            return "comment-" + id;
        }

        /** "2026-05-06 07:08 UTC". */
        public String at() {
            return MINUTE.format(createdAt);
        }

        public String atIso() {
            return createdAt.toString();
        }

        /** The moderation act an admin may do: "hide", or "unhide" for a hidden comment. */
        public String moderateVerb() {
            return hiddenMark ? "unhide" : "hide";
        }

        public String moderateLabel() {
            return hiddenMark ? "Unhide" : "Hide";
        }

        public String editedText() {
            return editedAt.map(MINUTE::format).orElse("");
        }
    }

    /** A top-level comment (or its placeholder) and the replies shown under it. */
    public record Thread(Line top, List<Line> replies) {}

    /** Who is looking: nobody, a user, or an admin (who sees hidden comments and may hide any). */
    public record Viewer(Optional<Long> userId, boolean admin) {
        public static final Viewer ANONYMOUS = new Viewer(Optional.empty(), false);

        static Viewer of(Optional<SignedIn> who) {
            return who.map(s -> new Viewer(Optional.of(s.id()), s.admin())).orElse(ANONYMOUS);
        }

        boolean wrote(Comment c) {
            return userId.isPresent() && c.authorId().equals(userId);
        }
    }

    /** The Discussion section of a paper page. */
    public record SectionView(String paperId, String postUrl, boolean signedIn, String signInUrl, List<Thread> threads,
            int count, int maxBody) {

        public String countText() {
            return count == 1 ? "1 comment" : count + " comments";
        }
    }

    /**
     * A page with one comment form (the edit page, a comment or reply refused with its text kept, the confirmation
     * of a delete): {@code action} is where it posts, {@code replyTo} 0 for none, {@code body} the text kept;
     * {@code confirmDelete} shows a confirm button instead of a text box.
     */
    public record FormView(String title, String paperTitle, String paperUrl, String action, long replyTo, String body,
            String problem, boolean confirmDelete, String buttonLabel, int maxBody) {
        public boolean hasProblem() {
            return problem != null && !problem.isEmpty();
        }

        public boolean hasReplyTo() {
            return replyTo > 0;
        }
    }

    /**
     * The threads of a paper as {@code viewer} sees them, from the store's thread order. Others' hidden comments are
     * left out; a deleted or hidden top-level comment with replies still shown becomes a placeholder above them, and
     * disappears when none are. {@code render} turns a body into safe HTML.
     */
    static List<Thread> threads(List<Comment> inThreadOrder, Viewer viewer, Function<String, String> render) {
        List<Thread> out = new ArrayList<>();
        Comment top = null;
        List<Line> replies = new ArrayList<>();
        for (Comment c : inThreadOrder) {
            if (!c.isReply()) {
                if (top != null) add(out, top, replies, viewer, render);
                top = c;
                replies = new ArrayList<>();
            } else if (top != null && c.parentId().get() == top.id() && visible(c, viewer)) {
                replies.add(line(c, State.SHOWN, viewer, false, render));
            }
        }
        if (top != null) add(out, top, replies, viewer, render);
        return out;
    }

    /** How many comments the viewer sees in full and not hidden: for anyone else, the paper's comment count. */
    static int count(List<Thread> threads) {
        int n = 0;
        for (Thread t : threads) {
            if (t.top().shown() && !t.top().hiddenMark()) n++;
            for (Line r : t.replies()) if (!r.hiddenMark()) n++;
        }
        return n;
    }

    /** One comment shown in full to {@code viewer} (an answer to the write that made or changed it). */
    static Line shown(Comment c, Viewer viewer, Function<String, String> render) {
        return line(c, State.SHOWN, viewer, false, render);
    }

    private static void add(List<Thread> out, Comment top, List<Line> replies, Viewer viewer,
            Function<String, String> render) {
        State state = top.deleted() ? State.DELETED : visible(top, viewer) ? State.SHOWN : State.HIDDEN;
        if (state != State.SHOWN && replies.isEmpty()) return;
        boolean canReply = state == State.SHOWN && !top.hidden() && viewer.userId().isPresent();
        out.add(new Thread(line(top, state, viewer, canReply, render), List.copyOf(replies)));
    }

    private static boolean visible(Comment c, Viewer viewer) {
        return !c.deleted() && (!c.hidden() || viewer.admin() || viewer.wrote(c));
    }

    private static Line line(Comment c, State state, Viewer viewer, boolean canReply,
            Function<String, String> render) {
        if (state != State.SHOWN) {
            return new Line(c.id(), c.paperId(), c.parentId(), state, "", c.createdAt(), Optional.empty(), "", "",
                    false, false, false, false);
        }
        return new Line(c.id(), c.paperId(), c.parentId(), state, c.authorName().orElse("[deleted account]"),
                c.createdAt(), c.editedAt(), c.body(), render.apply(c.body()), c.hidden(), viewer.wrote(c), canReply,
                viewer.admin());
    }
}

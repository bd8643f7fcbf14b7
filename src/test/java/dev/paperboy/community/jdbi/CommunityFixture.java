package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.paperboy.TestPapers;
import dev.paperboy.account.User;
import dev.paperboy.account.jdbi.JdbiUserStore;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.PaperCounts;
import dev.paperboy.db.StoreFixture;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.paper.jdbi.JdbiPaperStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The community stores over one test database, with users and papers to act on. */
abstract class CommunityFixture extends StoreFixture {

    JdbiUserStore users;
    PaperStore papers;
    JdbiVoteStore votes;
    JdbiCommentStore comments;
    JdbiCollectionStore collections;
    JdbiSubmissionStore submissions;
    JdbiModerationStore moderation;
    JdbiPaperCounts counts;
    JdbiAccountDeletion deletion;

    @BeforeEach
    void openCommunityStores() {
        users = new JdbiUserStore(db, clock);
        papers = new JdbiPaperStore(db);
        votes = new JdbiVoteStore(db, clock);
        comments = new JdbiCommentStore(db, clock);
        collections = new JdbiCollectionStore(db, clock);
        submissions = new JdbiSubmissionStore(db, clock);
        moderation = new JdbiModerationStore(db, clock);
        counts = new JdbiPaperCounts(db);
        deletion = new JdbiAccountDeletion(db);
    }

    User user(String name) {
        User u = users.findOrCreate(name + "@example.org");
        return users.rename(u.id(), name).orElseThrow();
    }

    /** Stores papers with these ids. */
    void papers(String... ids) {
        for (String id : ids) papers.upsert(TestPapers.simple(id, "Paper " + id, "2026-11-30T12:00:00Z"));
    }

    static <T> T done(Outcome<T> o) {
        return o.result().orElseThrow(() -> new AssertionError("refused: " + o));
    }

    static Outcome.Refusal refusal(Outcome<?> o) {
        return o.whyRefused().orElseThrow(() -> new AssertionError("not refused: " + o));
    }

    /** Checks every paper's counters against a count of the rows they stand for. */
    void assertCountersExact() {
        List<String> ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM papers").mapTo(String.class).list());
        Map<String, PaperCounts.Counts> kept = counts.counts(ids);
        for (String id : ids) {
            int v = count("SELECT COUNT(*) FROM votes WHERE paper_id = ?", id);
            int c = count("SELECT COUNT(*) FROM comments WHERE paper_id = ? AND is_deleted = FALSE AND is_hidden = FALSE", id);
            assertEquals(new PaperCounts.Counts(v, c), kept.getOrDefault(id, PaperCounts.Counts.ZERO), "counts of " + id);
        }
    }

    int count(String sql, Object... args) {
        return db.jdbi().withHandle(h -> {
            var q = h.createQuery(sql);
            for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
            return q.mapTo(Integer.class).one();
        });
    }

}

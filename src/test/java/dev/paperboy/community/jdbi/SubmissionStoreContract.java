package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.TestPapers;
import dev.paperboy.account.User;
import dev.paperboy.community.Outcome;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.community.Submission;
import dev.paperboy.community.SubmissionStore;
import dev.paperboy.community.SubmissionStore.Submitted;
import dev.paperboy.paper.HubEntry;
import dev.paperboy.paper.PaperStore.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the submission store on every database; one subclass per database. */
abstract class SubmissionStoreContract extends CommunityFixture {

    static final LocalDate DAY = LocalDate.parse("2026-12-01");

    User ada;
    User grace;

    @BeforeEach
    void people() {
        ada = user("ada");
        grace = user("grace");
        papers("2611.00001", "2611.00002", "2611.00003", "2611.00004");
    }

    List<String> listed(LocalDate day) {
        return papers.featuredEntries(day, day).stream()
                .map(l -> l.paperId() + "/" + l.entry().hub() + "/" + l.entry().submitter()).toList();
    }

    @Test
    void aSubmissionPutsThePaperOnTheDaysListOnce() {
        long before = papers.lastSequence();
        Submitted first = done(submissions.submit(ada.id(), "2611.00001", DAY, 10));
        assertTrue(first.isNew());
        assertEquals(new Submission("2611.00001", DAY, ada.id(), T0), first.submission());
        assertEquals(List.of("2611.00001/local/ada"), listed(DAY));
        HubEntry entry = papers.find("2611.00001").orElseThrow().hubEntries().getFirst();
        assertEquals(new HubEntry(HubEntry.LOCAL, DAY, "ada", 0, 0, null), entry);
        assertTrue(papers.lastSequence() > before, "the paper is marked changed, so lists and the index see it");
        assertEquals(List.of("2611.00001"),
                papers.changedSince(before, 10).stream().map(c -> c.paper().id()).toList());

        Submitted again = done(submissions.submit(grace.id(), "2611.00001", DAY, 10));
        assertFalse(again.isNew());
        assertEquals(first.submission(), again.submission(), "the first submitter keeps it");
        assertFalse(done(submissions.submit(ada.id(), "2611.00001", DAY, 10)).isNew());
        assertEquals(List.of("2611.00001/local/ada"), listed(DAY));
        assertEquals(0, submissions.countOn(grace.id(), DAY));

        assertTrue(done(submissions.submit(grace.id(), "2611.00001", DAY.plusDays(1), 10)).isNew(), "another day");
        assertEquals(Optional.of(first.submission()), submissions.find("2611.00001", DAY));
        assertEquals(Optional.empty(), submissions.find("2611.00002", DAY));
    }

    @Test
    void theDailyLimitRefusesNewSubmissionsOnlyAndOnlyThatDay() {
        done(submissions.submit(ada.id(), "2611.00001", DAY, 2));
        done(submissions.submit(ada.id(), "2611.00002", DAY, 2));
        assertEquals(2, submissions.countOn(ada.id(), DAY));
        assertEquals(Refusal.LIMIT_REACHED, refusal(submissions.submit(ada.id(), "2611.00003", DAY, 2)));
        assertFalse(done(submissions.submit(ada.id(), "2611.00002", DAY, 2)).isNew(), "a repeat is no new submission");
        assertTrue(done(submissions.submit(ada.id(), "2611.00003", DAY.plusDays(1), 2)).isNew());
        assertEquals(List.of("2611.00002/local/ada", "2611.00001/local/ada"), listed(DAY));
    }

    @Test
    void unknownPapersAndBlockedUsersAreRefused() {
        assertEquals(Refusal.NOT_FOUND, refusal(submissions.submit(ada.id(), "9999.99999", DAY, 10)));
        done(moderation.blockUser(Optional.empty(), grace.id(), "spam"));
        assertEquals(Refusal.BLOCKED, refusal(submissions.submit(grace.id(), "2611.00001", DAY, 10)));
        assertEquals(Refusal.BLOCKED, refusal(submissions.submit(4242, "2611.00001", DAY, 10)));
        assertEquals(List.of(), listed(DAY));
    }

    @Test
    void aLaterHarvestOfThePaperKeepsTheSubmission() {
        done(submissions.submit(ada.id(), "2611.00001", DAY, 10));
        papers.upsert(TestPapers.simple("2611.00001", "Paper 2611.00001", "2026-11-30T12:00:00Z").toBuilder()
                .hubEntries(List.of(new HubEntry(HubEntry.HUGGING_FACE, DAY, "ak", 12, 3, null))).build());
        assertEquals(List.of("2611.00001/hf/ak", "2611.00001/local/ada"), listed(DAY));
    }

    @Test
    void aUsersSubmissionsAreListedNewestDayFirst() {
        done(submissions.submit(ada.id(), "2611.00001", DAY, 10));
        done(submissions.submit(ada.id(), "2611.00002", DAY.plusDays(2), 10));
        done(submissions.submit(grace.id(), "2611.00003", DAY, 10));
        assertEquals(List.of("2611.00002", "2611.00001"),
                submissions.ofUser(ada.id(), 10).stream().map(Submission::paperId).toList());
        assertEquals(1, submissions.ofUser(ada.id(), 1).size());
    }

    @Test
    void concurrentSubmissionsOfOneUserStopAtTheLimit() throws Exception {
        SubmissionStore elsewhere = new JdbiSubmissionStore(secondProcess(), clock);
        List<String> ids = List.of("2611.00001", "2611.00002", "2611.00003", "2611.00004");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome<Submitted>>> results = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                SubmissionStore s = i % 2 == 0 ? submissions : elsewhere;
                String id = ids.get(i);
                results.add(pool.submit((Callable<Outcome<Submitted>>) () -> {
                    start.await();
                    return s.submit(ada.id(), id, DAY, 2);
                }));
            }
            start.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<Outcome<Submitted>> f : results) {
                if (f.get().isDone()) accepted++;
                else if (f.get().whyRefused().orElseThrow() == Refusal.LIMIT_REACHED) refused++;
            }
            assertEquals(2, accepted);
            assertEquals(2, refused);
            assertEquals(2, submissions.countOn(ada.id(), DAY));
            assertEquals(2, papers.featuredEntries(DAY, DAY).stream().map(Listing::paperId).distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }
}

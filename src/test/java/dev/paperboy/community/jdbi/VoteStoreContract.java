package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.User;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.community.PaperCounts.Counts;
import dev.paperboy.community.VoteStore;
import dev.paperboy.community.VoteStore.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the vote store and its counters on every database; one subclass per database. */
abstract class VoteStoreContract extends CommunityFixture {

    User ada;
    User grace;

    @BeforeEach
    void people() {
        ada = user("ada");
        grace = user("grace");
        papers("2611.00001", "2611.00002", "2611.00003");
    }

    @Test
    void aToggleCastsTheVoteAndTheNextWithdrawsIt() {
        assertEquals(new Tally(true, 1), done(votes.toggle(ada.id(), "2611.00001")));
        assertEquals(new Tally(true, 2), done(votes.toggle(grace.id(), "2611.00001")));
        assertTrue(votes.hasVoted(ada.id(), "2611.00001"));
        assertEquals(new Tally(false, 1), done(votes.toggle(ada.id(), "2611.00001")));
        assertFalse(votes.hasVoted(ada.id(), "2611.00001"));
        assertEquals(new Counts(1, 0), counts.of("2611.00001"));
        assertEquals(Counts.ZERO, counts.of("2611.00002"));
        assertCountersExact();
    }

    @Test
    void settingAVoteIsIdempotent() {
        assertEquals(new Tally(true, 1), done(votes.set(ada.id(), "2611.00002", true)));
        assertEquals(new Tally(true, 1), done(votes.set(ada.id(), "2611.00002", true)), "a retried post counts once");
        assertEquals(new Tally(false, 0), done(votes.set(ada.id(), "2611.00002", false)));
        assertEquals(new Tally(false, 0), done(votes.set(ada.id(), "2611.00002", false)));
        assertCountersExact();
    }

    @Test
    void countsOfManyPapersComeInOneReadAndVotesOfAUserAreKnown() {
        votes.toggle(ada.id(), "2611.00001");
        clock.advance(Duration.ofMinutes(1));
        votes.toggle(ada.id(), "2611.00003");
        votes.toggle(grace.id(), "2611.00003");
        assertEquals(Map.of("2611.00001", new Counts(1, 0), "2611.00003", new Counts(2, 0)),
                counts.counts(List.of("2611.00001", "2611.00002", "2611.00003", "unknown")));
        assertEquals(Set.of("2611.00001", "2611.00003"),
                votes.votedAmong(ada.id(), List.of("2611.00001", "2611.00002", "2611.00003")));
        assertEquals(List.of(new VoteStore.Vote("2611.00003", T0.plusSeconds(60)), new VoteStore.Vote("2611.00001", T0)),
                votes.ofUser(ada.id()));
        assertEquals(Map.of(), counts.counts(List.of()));
    }

    @Test
    void votesOnUnknownPapersAndByBlockedOrUnknownUsersAreRefused() {
        assertEquals(Refusal.NOT_FOUND, refusal(votes.toggle(ada.id(), "9999.99999")));
        assertEquals(Refusal.BLOCKED, refusal(votes.toggle(12345, "2611.00001")));
        done(moderation.blockUser(Optional.empty(), grace.id(), "spam"));
        assertEquals(Refusal.BLOCKED, refusal(votes.toggle(grace.id(), "2611.00001")));
        assertEquals(Refusal.BLOCKED, refusal(votes.set(grace.id(), "2611.00001", true)));
        assertEquals(Counts.ZERO, counts.of("2611.00001"));
    }

    @Test
    void concurrentTogglesFromTwoProcessesLeaveExactCounts() throws Exception {
        VoteStore elsewhere = new JdbiVoteStore(secondProcess(), clock);
        List<User> voters = new ArrayList<>();
        for (int i = 0; i < 16; i++) voters.add(user("voter" + i));
        String[] ids = {"2611.00001", "2611.00002"};
        // Each voter toggles each paper a known number of times, spread over threads and both processes; the same
        // voter's toggles race with each other too.
        Random random = new Random(42);
        List<Callable<Void>> work = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (User v : voters) {
            for (String id : ids) {
                int times = 1 + random.nextInt(4);
                if (times % 2 == 1) expected.merge(id, 1, Integer::sum);
                for (int t = 0; t < times; t++) {
                    VoteStore s = (t + (int) v.id()) % 2 == 0 ? votes : elsewhere;
                    work.add(() -> {
                        done(s.toggle(v.id(), id));
                        return null;
                    });
                }
            }
        }
        // One voter's toggles run one at a time and each flips, so a vote ends on when its number of toggles is odd.
        java.util.Collections.shuffle(work, random);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> w : work) futures.add(pool.submit(() -> {
                start.await();
                return w.call();
            }));
            start.countDown();
            for (Future<Void> f : futures) f.get();
        } finally {
            pool.shutdownNow();
        }
        for (String id : ids) {
            assertEquals(expected.getOrDefault(id, 0), counts.of(id).votes(), "votes on " + id);
            assertEquals(expected.getOrDefault(id, 0), count("SELECT COUNT(*) FROM votes WHERE paper_id = ?", id));
        }
        assertCountersExact();
    }
}

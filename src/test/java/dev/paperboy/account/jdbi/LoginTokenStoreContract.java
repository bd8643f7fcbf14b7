package dev.paperboy.account.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.LoginTokenStore;
import dev.paperboy.account.LoginTokenStore.LoginLink;
import dev.paperboy.account.LoginTokenStore.Outcome;
import dev.paperboy.account.LoginTokenStore.Redemption;
import dev.paperboy.account.Secrets;
import dev.paperboy.db.StoreFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the sign-in token store on every database; one subclass per database. */
abstract class LoginTokenStoreContract extends StoreFixture {

    LoginTokenStore tokens;

    @BeforeEach
    void openStore() {
        tokens = new JdbiLoginTokenStore(db, clock, new Random(7));
    }

    @Test
    void aLinkSignsInOnceAndThenIsUsed() {
        LoginLink link = tokens.issue("Ada@Example.org", true);
        assertEquals(T0.plus(Duration.ofMinutes(15)), link.expiresAt());
        Redemption first = tokens.redeem(link.token(), link.browserNonce());
        assertEquals(new Redemption(Outcome.SIGNED_IN, Optional.of("ada@example.org")), first);
        assertTrue(first.signedIn());
        assertEquals(new Redemption(Outcome.USED, Optional.empty()), tokens.redeem(link.token(), link.browserNonce()));
    }

    @Test
    void onlyHashesOfTheTokenAndTheNonceAreStored() {
        LoginLink link = tokens.issue("ada@example.org", true);
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM login_tokens").mapToMap().one());
        assertEquals(Secrets.hash(link.token()), row.get("token_hash"));
        assertEquals(Secrets.hash(link.browserNonce().orElseThrow()), row.get("nonce_hash"));
        String all = row.values().toString();
        assertFalse(all.contains(link.token()), "the token itself is not stored");
        assertFalse(all.contains(link.browserNonce().get()), "the nonce itself is not stored");
        assertEquals(64, Secrets.hash(link.token()).length());
        assertNotEquals(link.token(), tokens.issue("ada@example.org", true).token(), "every link is new");
    }

    @Test
    void aLinkWorksForFifteenMinutesAndNotAMomentLonger() {
        LoginLink early = tokens.issue("ada@example.org", false);
        LoginLink late = tokens.issue("ada@example.org", false);
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertEquals(Outcome.SIGNED_IN, tokens.redeem(early.token(), Optional.empty()).outcome());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Outcome.EXPIRED, tokens.redeem(late.token(), Optional.empty()).outcome());
        assertEquals(Outcome.USED, tokens.redeem(early.token(), Optional.empty()).outcome());
    }

    @Test
    void aBoundLinkFailsInAnotherBrowserAndStillWorksInItsOwn() {
        LoginLink link = tokens.issue("ada@example.org", true);
        assertEquals(Outcome.OTHER_BROWSER, tokens.redeem(link.token(), Optional.of("someone-elses-nonce")).outcome());
        assertEquals(Outcome.OTHER_BROWSER, tokens.redeem(link.token(), Optional.empty()).outcome());
        assertEquals(Outcome.OTHER_BROWSER, tokens.redeem(link.token(), Optional.of("")).outcome());
        assertEquals(Outcome.SIGNED_IN, tokens.redeem(link.token(), link.browserNonce()).outcome());
    }

    @Test
    void aCommandLineLinkIsBoundToNoBrowser() {
        LoginLink link = tokens.issue("ops@example.org", false);
        assertEquals(Optional.empty(), link.browserNonce());
        assertEquals(Outcome.SIGNED_IN, tokens.redeem(link.token(), Optional.of("any-cookie")).outcome());
    }

    @Test
    void unknownTokensAreUnknown() {
        tokens.issue("ada@example.org", false);
        assertEquals(Outcome.UNKNOWN, tokens.redeem("not-a-token", Optional.empty()).outcome());
        assertEquals(Outcome.UNKNOWN, tokens.redeem("", Optional.empty()).outcome());
        assertEquals(Outcome.UNKNOWN, tokens.redeem(null, Optional.empty()).outcome());
    }

    @Test
    void concurrentRedemptionsOfOneTokenSignInOnce() throws Exception {
        LoginTokenStore elsewhere = new JdbiLoginTokenStore(secondProcess(), clock, new Random(8));
        LoginLink link = tokens.issue("ada@example.org", true);
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                LoginTokenStore s = i % 2 == 0 ? tokens : elsewhere;
                results.add(pool.submit((Callable<Outcome>) () -> {
                    start.await();
                    return s.redeem(link.token(), link.browserNonce()).outcome();
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : results) outcomes.add(f.get());
            Map<Outcome, Long> byOutcome = outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
            assertEquals(Map.of(Outcome.SIGNED_IN, 1L, Outcome.USED, (long) n - 1), byOutcome);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void linksIssuedForAnAddressAreCountedForItsLimit() {
        tokens.issue("ada@example.org", true);
        clock.advance(Duration.ofMinutes(5));
        tokens.issue("ADA@example.org", true);
        tokens.issue("grace@example.org", true);
        assertEquals(2, tokens.issuedSince("ada@example.org", T0));
        assertEquals(1, tokens.issuedSince("ada@example.org", T0.plusSeconds(1)));
        assertEquals(0, tokens.issuedSince("nobody@example.org", T0));
    }

    @Test
    void expiredTokensAreDeletedAndLiveOnesKept() {
        LoginLink old = tokens.issue("ada@example.org", false);
        clock.advance(Duration.ofMinutes(10));
        LoginLink recent = tokens.issue("ada@example.org", false);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, tokens.deleteExpired());
        assertEquals(Outcome.UNKNOWN, tokens.redeem(old.token(), Optional.empty()).outcome());
        assertEquals(Outcome.SIGNED_IN, tokens.redeem(recent.token(), Optional.empty()).outcome());
    }
}

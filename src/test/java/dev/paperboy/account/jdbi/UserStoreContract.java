package dev.paperboy.account.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.User;
import dev.paperboy.account.UserStore;
import dev.paperboy.db.StoreFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the user store on every database; one subclass per database. */
abstract class UserStoreContract extends StoreFixture {

    UserStore users;

    @BeforeEach
    void openStore() {
        users = new JdbiUserStore(db, clock);
    }

    @Test
    void addressesAreStoredNormalisedAndOnlyOnce() {
        User ada = users.create("  Ada@Example.ORG ", "Ada", false).orElseThrow();
        assertEquals("ada@example.org", ada.email());
        assertEquals(Optional.empty(), users.create("ada@example.org", "Other", true));
        assertEquals(Optional.of(ada), users.findByEmail("ADA@example.org"));
        assertEquals(ada.id(), users.findOrCreate("ada@EXAMPLE.org ").id());
        assertEquals(1, users.count());
    }

    @Test
    void signingInWithANewAddressMakesAPlainAccountOnce() {
        User u = users.findOrCreate("grace@example.org");
        assertEquals("", u.displayName());
        assertFalse(u.admin());
        assertFalse(u.blocked());
        assertEquals(T0, u.createdAt());
        assertEquals("user " + u.id(), u.publicName(), "the address is never shown as a name");
        assertEquals(u, users.findOrCreate("grace@example.org"));
        assertEquals(Optional.of(u), users.find(u.id()));
    }

    @Test
    void textThatIsNoAddressIsRefusedAndNothingIsStored() {
        for (String bad : List.of("", "   ", "no-at-sign", "@example.org", "ada@", "ada lovelace@example.org",
                "ada@exa\u0007mple.org", "a".repeat(250) + "@x.org")) {
            assertThrows(IllegalArgumentException.class, () -> users.findOrCreate(bad), bad);
        }
        assertEquals(0, users.count());
    }

    @Test
    void renamingStripsTheNameAndRefusesLongOnes() {
        User u = users.findOrCreate("ada@example.org");
        assertEquals("Ada L.", users.rename(u.id(), "  Ada L. ").orElseThrow().displayName());
        assertEquals("Ada L.", users.find(u.id()).orElseThrow().publicName());
        assertThrows(IllegalArgumentException.class, () -> users.rename(u.id(), "x".repeat(User.MAX_DISPLAY_NAME + 1)));
        assertEquals(Optional.empty(), users.rename(u.id() + 100, "Nobody"));
    }

    @Test
    void theStoredAdminFlagCanBeSetAndCleared() {
        User u = users.findOrCreate("ada@example.org");
        assertTrue(users.setAdmin(u.id(), true));
        assertTrue(users.find(u.id()).orElseThrow().admin());
        assertTrue(users.setAdmin(u.id(), false));
        assertFalse(users.find(u.id()).orElseThrow().admin());
        assertFalse(users.setAdmin(u.id() + 100, true));
    }

    @Test
    void accountsAreListedInTheOrderTheyWereMade() {
        for (String name : List.of("c", "a", "b")) users.create(name + "@example.org", name, false);
        assertEquals(List.of("c@example.org", "a@example.org", "b@example.org"),
                users.list(10, 0).stream().map(User::email).toList());
        assertEquals(List.of("a@example.org"), users.list(1, 1).stream().map(User::email).toList());
    }

    @Test
    void concurrentFirstSignInsOfOneAddressMakeOneAccount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            UserStore other = new JdbiUserStore(secondProcess(), clock);
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UserStore s = i % 2 == 0 ? users : other;
                ids.add(pool.submit((Callable<Long>) () -> s.findOrCreate("race@example.org").id()));
            }
            Set<Long> distinct = new java.util.HashSet<>();
            for (Future<Long> f : ids) distinct.add(f.get());
            assertEquals(1, distinct.size());
            assertEquals(1, users.count());
        } finally {
            pool.shutdownNow();
        }
    }
}

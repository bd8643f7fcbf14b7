package dev.paperboy.account.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.AccessToken;
import dev.paperboy.account.AccessTokenStore;
import dev.paperboy.account.AccessTokenStore.NewToken;
import dev.paperboy.account.Secrets;
import dev.paperboy.account.User;
import dev.paperboy.db.StoreFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the personal access token store on every database; one subclass per database. */
abstract class AccessTokenStoreContract extends StoreFixture {

    AccessTokenStore tokens;
    User ada;
    User grace;

    @BeforeEach
    void openStore() {
        tokens = new JdbiAccessTokenStore(db, clock, new Random(11));
        JdbiUserStore users = new JdbiUserStore(db, clock);
        ada = users.findOrCreate("ada@example.org");
        grace = users.findOrCreate("grace@example.org");
    }

    @Test
    void aNewTokenAuthenticatesItsUserAndOnlyItsHashIsStored() {
        NewToken made = tokens.create(ada.id(), "  laptop script ");
        assertTrue(made.secret().startsWith("pb_"));
        assertEquals("laptop script", made.token().name());
        assertEquals(Optional.empty(), made.token().lastUsedAt());
        var auth = tokens.authenticate(made.secret()).orElseThrow();
        assertEquals(ada, auth.user());
        assertEquals(made.token().id(), auth.token().id());
        assertEquals(Optional.of(T0), auth.token().lastUsedAt());
        Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM access_tokens").mapToMap().one());
        assertEquals(Secrets.hash(made.secret()), row.get("token_hash"));
        assertFalse(row.values().toString().contains(made.secret().substring(3)));
    }

    @Test
    void theLastUseIsRecordedAtMostOnceAMinute() {
        NewToken made = tokens.create(ada.id(), "ci");
        tokens.authenticate(made.secret());
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(made.secret());
        assertEquals(Optional.of(T0), tokens.ofUser(ada.id()).getFirst().lastUsedAt());
        clock.advance(Duration.ofSeconds(30));
        tokens.authenticate(made.secret());
        assertEquals(Optional.of(T0.plusSeconds(60)), tokens.ofUser(ada.id()).getFirst().lastUsedAt());
    }

    @Test
    void aUserRevokesTheirOwnTokensAndNobodyElses() {
        NewToken made = tokens.create(ada.id(), "ci");
        assertFalse(tokens.revoke(grace.id(), made.token().id()), "someone else's token");
        assertTrue(tokens.authenticate(made.secret()).isPresent());
        clock.advance(Duration.ofMinutes(2));
        assertTrue(tokens.revoke(ada.id(), made.token().id()));
        assertEquals(Optional.empty(), tokens.authenticate(made.secret()));
        assertFalse(tokens.revoke(ada.id(), made.token().id()), "already revoked");
        AccessToken listed = tokens.ofUser(ada.id()).getFirst();
        assertTrue(listed.revoked());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(2))), listed.revokedAt());
        assertFalse(tokens.revoke(ada.id(), 9_999));
    }

    @Test
    void eachUserListsOnlyTheirOwnTokensNewestFirst() {
        tokens.create(ada.id(), "one");
        tokens.create(grace.id(), "graces");
        tokens.create(ada.id(), "");
        assertEquals(List.of("token", "one"), tokens.ofUser(ada.id()).stream().map(AccessToken::name).toList());
        assertEquals(List.of("graces"), tokens.ofUser(grace.id()).stream().map(AccessToken::name).toList());
        assertThrows(IllegalArgumentException.class, () -> tokens.create(ada.id(), "n".repeat(101)));
    }

    @Test
    void aBlockedUsersTokensStopWorking() {
        NewToken made = tokens.create(ada.id(), "ci");
        db.jdbi().useHandle(h -> h.execute("UPDATE users SET is_blocked = TRUE WHERE id = ?", ada.id()));
        assertEquals(Optional.empty(), tokens.authenticate(made.secret()));
    }

    @Test
    void madeUpSecretsAuthenticateNobody() {
        NewToken made = tokens.create(ada.id(), "ci");
        assertEquals(Optional.empty(), tokens.authenticate("pb_made-up"));
        assertEquals(Optional.empty(), tokens.authenticate(made.secret().substring(3)), "without the prefix");
        assertEquals(Optional.empty(), tokens.authenticate(""));
        assertEquals(Optional.empty(), tokens.authenticate(null));
    }
}

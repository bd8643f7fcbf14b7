package dev.paperboy.community.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.paperboy.account.User;
import dev.paperboy.community.CollectionStore;
import dev.paperboy.community.CollectionStore.Entry;
import dev.paperboy.community.Outcome.Refusal;
import dev.paperboy.community.PaperCollection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour of the collection store on every database; one subclass per database. */
abstract class CollectionStoreContract extends CommunityFixture {

    User ada;
    User grace;

    @BeforeEach
    void people() {
        ada = user("ada");
        grace = user("grace");
        papers("2611.00001", "2611.00002", "2611.00003");
    }

    PaperCollection make(User owner, String name, boolean isPublic) {
        return done(collections.create(owner.id(), name, "About " + name, isPublic));
    }

    @Test
    void papersAreAddedOnceAndListedMostRecentlyAddedFirst() {
        PaperCollection c = make(ada, "  Reading list ", true);
        assertEquals("Reading list", c.name());
        assertEquals("ada", c.ownerName());
        assertEquals(0, c.papers());
        assertTrue(done(collections.add(ada.id(), c.id(), "2611.00002")));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(done(collections.add(ada.id(), c.id(), "2611.00001")));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(done(collections.add(ada.id(), c.id(), "2611.00002")), "already there: nothing changes");
        assertEquals(List.of(new Entry("2611.00001", T0.plusSeconds(60)), new Entry("2611.00002", T0)),
                collections.papers(c.id(), Optional.empty(), 10, 0).orElseThrow());
        assertEquals(List.of(new Entry("2611.00002", T0)), collections.papers(c.id(), Optional.empty(), 10, 1).orElseThrow());
        PaperCollection now = collections.find(c.id(), Optional.of(grace.id())).orElseThrow();
        assertEquals(2, now.papers());
        assertEquals(T0.plusSeconds(60), now.updatedAt());
        assertTrue(done(collections.remove(ada.id(), c.id(), "2611.00001")));
        assertFalse(done(collections.remove(ada.id(), c.id(), "2611.00001")));
        assertEquals(List.of("2611.00002"), collections.papers(c.id(), Optional.of(ada.id()), 10, 0).orElseThrow()
                .stream().map(Entry::paperId).toList());
        assertEquals(Refusal.NOT_FOUND, refusal(collections.add(ada.id(), c.id(), "9999.99999")));
    }

    @Test
    void aPrivateCollectionIsInvisibleToEveryoneButItsOwner() {
        PaperCollection secret = make(ada, "Secret", false);
        done(collections.add(ada.id(), secret.id(), "2611.00001"));
        PaperCollection open = make(ada, "Open", true);
        assertEquals(Optional.empty(), collections.find(secret.id(), Optional.of(grace.id())));
        assertEquals(Optional.empty(), collections.find(secret.id(), Optional.empty()));
        assertEquals(Optional.empty(), collections.papers(secret.id(), Optional.of(grace.id()), 10, 0));
        assertEquals(Optional.empty(), collections.papers(secret.id(), Optional.empty(), 10, 0));
        assertEquals(List.of(open.id()), ids(collections.ofOwner(ada.id(), Optional.of(grace.id()))));
        assertEquals(List.of(open.id()), ids(collections.ofOwner(ada.id(), Optional.empty())));
        assertEquals(Set.of(secret.id(), open.id()), Set.copyOf(ids(collections.ofOwner(ada.id(), Optional.of(ada.id())))));
        assertEquals("Secret", collections.find(secret.id(), Optional.of(ada.id())).orElseThrow().name());
        // Changing it: as if it did not exist.
        assertEquals(Refusal.NOT_FOUND, refusal(collections.add(grace.id(), secret.id(), "2611.00002")));
        assertEquals(Refusal.NOT_FOUND, refusal(collections.remove(grace.id(), secret.id(), "2611.00001")));
        assertEquals(Refusal.NOT_FOUND, refusal(collections.update(grace.id(), secret.id(), "Mine", "", true)));
        assertEquals(Refusal.NOT_FOUND, refusal(collections.delete(grace.id(), secret.id())));
        assertEquals(1, collections.find(secret.id(), Optional.of(ada.id())).orElseThrow().papers());
    }

    @Test
    void onlyTheOwnerChangesAPublicCollection() {
        PaperCollection c = make(ada, "Open", true);
        assertEquals(Refusal.NOT_YOURS, refusal(collections.add(grace.id(), c.id(), "2611.00001")));
        assertEquals(Refusal.NOT_YOURS, refusal(collections.update(grace.id(), c.id(), "Taken", "", false)));
        assertEquals(Refusal.NOT_YOURS, refusal(collections.delete(grace.id(), c.id())));
        assertEquals("Open", collections.find(c.id(), Optional.empty()).orElseThrow().name());
        clock.advance(Duration.ofHours(1));
        PaperCollection renamed = done(collections.update(ada.id(), c.id(), "Closed", " now private ", false));
        assertEquals("Closed", renamed.name());
        assertEquals("now private", renamed.description());
        assertFalse(renamed.isPublic());
        assertEquals(T0.plus(Duration.ofHours(1)), renamed.updatedAt());
        assertEquals(Optional.empty(), collections.find(c.id(), Optional.of(grace.id())));
        assertTrue(done(collections.delete(ada.id(), c.id())));
        assertEquals(Optional.empty(), collections.find(c.id(), Optional.of(ada.id())));
        assertEquals(Refusal.NOT_FOUND, refusal(collections.delete(ada.id(), c.id())));
    }

    @Test
    void theOwnersCollectionsHoldingAPaperAreKnown() {
        PaperCollection a = make(ada, "A", true);
        PaperCollection b = make(ada, "B", false);
        PaperCollection g = make(grace, "G", true);
        done(collections.add(ada.id(), a.id(), "2611.00001"));
        done(collections.add(ada.id(), b.id(), "2611.00001"));
        done(collections.add(grace.id(), g.id(), "2611.00001"));
        assertEquals(Set.of(a.id(), b.id()), collections.holding(ada.id(), "2611.00001"));
        assertEquals(Set.of(), collections.holding(ada.id(), "2611.00002"));
    }

    @Test
    void namesAreCheckedAndBlockedUsersMakeNothing() {
        assertThrows(IllegalArgumentException.class, () -> collections.create(ada.id(), "  ", "", true));
        assertThrows(IllegalArgumentException.class,
                () -> collections.create(ada.id(), "n".repeat(CollectionStore.MAX_NAME + 1), "", true));
        assertThrows(IllegalArgumentException.class,
                () -> collections.create(ada.id(), "ok", "d".repeat(CollectionStore.MAX_DESCRIPTION + 1), true));
        PaperCollection c = make(grace, "Before", true);
        done(moderation.blockUser(Optional.empty(), grace.id(), "spam"));
        assertEquals(Refusal.BLOCKED, refusal(collections.create(grace.id(), "After", "", true)));
        assertEquals(Refusal.BLOCKED, refusal(collections.add(grace.id(), c.id(), "2611.00001")));
        assertTrue(done(collections.delete(grace.id(), c.id())), "taking one's own collection down is allowed");
    }

    static List<Long> ids(List<PaperCollection> cs) {
        return cs.stream().map(PaperCollection::id).toList();
    }
}

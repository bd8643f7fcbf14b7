package dev.paperboy.community;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Collections of papers. Only the owner changes one: for anyone else a public collection is
 * {@link Outcome.Refusal#NOT_YOURS} and a private one {@link Outcome.Refusal#NOT_FOUND}, as if it did not exist.
 * Reads take the viewer (empty when signed out) and show a private collection to its owner only.
 */
public interface CollectionStore {

    int MAX_NAME = 100;
    int MAX_DESCRIPTION = 2_000;

    /**
     * What is wrong with a name and description before they are stored, as a sentence to show ({@code create} and
     * {@code update} refuse the same with {@link IllegalArgumentException}); empty when they are fine.
     */
    static Optional<String> problemWith(String name, String description) {
        String n = name == null ? "" : name.strip();
        String d = description == null ? "" : description.strip();
        if (n.isEmpty()) return Optional.of("A collection needs a name.");
        if (n.length() > MAX_NAME) {
            return Optional.of("A collection's name can be at most " + MAX_NAME + " characters long.");
        }
        if (d.length() > MAX_DESCRIPTION) {
            return Optional.of("A collection's description can be at most " + MAX_DESCRIPTION + " characters long.");
        }
        return Optional.empty();
    }

    /** A paper in a collection, and when it was added. */
    record Entry(String paperId, Instant addedAt) {}

    /**
     * Makes a collection for an active user. Name and description are stored stripped; a blank name or text
     * longer than {@link #MAX_NAME} or {@link #MAX_DESCRIPTION} is an {@link IllegalArgumentException}.
     */
    Outcome<PaperCollection> create(long ownerId, String name, String description, boolean isPublic);

    Outcome<PaperCollection> update(long userId, long collectionId, String name, String description, boolean isPublic);

    /** Deletes the collection (not its papers); Done(true). */
    Outcome<Boolean> delete(long userId, long collectionId);

    /** Adds a stored paper; Done(false) when it was there already (nothing changes). */
    Outcome<Boolean> add(long userId, long collectionId, String paperId);

    /** Removes a paper; Done(false) when it was not there. */
    Outcome<Boolean> remove(long userId, long collectionId, String paperId);

    /** The collection, when the viewer may see it. */
    Optional<PaperCollection> find(long collectionId, Optional<Long> viewerId);

    /** The collection's papers, most recently added first; empty when the viewer may not see it. */
    Optional<List<Entry>> papers(long collectionId, Optional<Long> viewerId, int limit, int offset);

    /** The owner's collections the viewer may see (all for the owner, public ones for others), last changed first. */
    List<PaperCollection> ofOwner(long ownerId, Optional<Long> viewerId);

    /** The ids of the owner's collections that hold this paper (for the add/remove controls on its page). */
    Set<Long> holding(long ownerId, String paperId);
}

package dev.paperboy.community;

import java.time.Instant;

/** A named collection of papers kept by one user; only its owner sees it when it is not public. */
public record PaperCollection(long id, long ownerId, String ownerName, String name, String description,
        boolean isPublic, Instant createdAt, Instant updatedAt, int papers) {}

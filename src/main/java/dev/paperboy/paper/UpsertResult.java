package dev.paperboy.paper;

/** What storing one record did. */
public enum UpsertResult {
    NEW,
    UPDATED,
    UNCHANGED
}

package dev.paperboy.search;

import java.nio.file.Path;

/**
 * The index is held by another process on the same data directory (its single writer), in practice a
 * running {@code serve}. The message says so and what to do instead; it is meant to be shown as is.
 */
public final class IndexInUseException extends IllegalStateException {

    public IndexInUseException(Path indexDir) {
        super("index: serve is running on this data directory (" + indexDir + " is in use by another paperboy "
                + "process); search through it (/search or /api/search) — it indexes and embeds new papers "
                + "itself — or stop it first to run this command");
    }
}

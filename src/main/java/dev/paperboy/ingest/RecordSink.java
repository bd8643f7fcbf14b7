package dev.paperboy.ingest;

import dev.paperboy.paper.Paper;

/** Receives what a parser reads from one input, record by record, so inputs of any size stream. */
public interface RecordSink {

    /** A record that parsed. */
    void accept(Paper paper);

    /**
     * A record that parsed, with its place in the input ({@code "line 12"}, {@code "entry 3"}) so a later
     * check that refuses it can say where it was. Sinks that do not report places need not override this.
     */
    default void accept(String where, Paper paper) {
        accept(paper);
    }

    /**
     * A record that could not be read; parsing goes on with the next one.
     *
     * @param where the record's place in the input, e.g. {@code "line 12"} or {@code "entry 3 (2401.00001)"}
     */
    void reject(String where, String reason);

    /**
     * Something that looks like a record but was not taken as one (e.g. a paper-like paragraph of a text
     * listing that fails its checks). Not a failure, but never dropped silently either.
     */
    default void skip(String where, String reason) {}

    /** Something worth telling about the input as a whole, e.g. an OAI-PMH error response holding no records. */
    default void note(String message) {}
}

package dev.paperboy.community;

import java.util.Optional;

/**
 * The result of a write someone asked for: what it produced, or why the store refused it. Refusals are expected
 * answers (the web maps them to 403, 404 or 429); failures of the database are exceptions.
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    record Refused<T>(Refusal refusal) implements Outcome<T> {}

    enum Refusal {
        /** The acting user does not exist or is blocked. */
        BLOCKED,
        /** The target does not exist, or the acting user may not see it (someone else's private collection). */
        NOT_FOUND,
        /** The target exists and the acting user may see it, but it is someone else's to change. */
        NOT_YOURS,
        /** A limit was reached (submissions per day). */
        LIMIT_REACHED
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    default boolean isDone() {
        return this instanceof Done<T>;
    }

    /** The value when done. */
    default Optional<T> result() {
        return this instanceof Done<T> d ? Optional.of(d.value()) : Optional.empty();
    }

    /** The refusal when refused. */
    default Optional<Refusal> whyRefused() {
        return this instanceof Refused<T> r ? Optional.of(r.refusal()) : Optional.empty();
    }
}

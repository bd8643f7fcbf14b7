package dev.paperboy.ingest.files;

/** One record cannot be mapped to a paper (wrong type, missing field); the parser rejects it and goes on. */
public final class RecordException extends RuntimeException {
    public RecordException(String message) {
        super(message);
    }
}

package dev.paperboy.ingest;

/** The input as a whole cannot be read: unknown format, not well-formed, hostile (DTDs, entities). */
public class FormatException extends Exception {
    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

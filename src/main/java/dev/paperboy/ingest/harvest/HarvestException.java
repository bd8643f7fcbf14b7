package dev.paperboy.ingest.harvest;

/** A harvest that failed; the message names the source, the action and the cause. */
public class HarvestException extends Exception {
    public HarvestException(String message) {
        super(message);
    }

    public HarvestException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.paperboy.ingest.http;

import java.net.URI;

/** A request that could not be completed after the allowed attempts, or that no retry can fix. */
public class FetchException extends Exception {
    private final URI uri;
    private final int status;

    public FetchException(URI uri, int status, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    /** The last HTTP status seen, or 0 when no response arrived (I/O error, timeout). */
    public int status() {
        return status;
    }
}

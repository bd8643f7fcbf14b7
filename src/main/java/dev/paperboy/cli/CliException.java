package dev.paperboy.cli;

/** An expected failure: its message is shown as is, without a stack trace, and the process exits with the code. */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

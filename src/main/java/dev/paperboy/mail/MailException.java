package dev.paperboy.mail;

/**
 * A message was not handed over. The text says which server (host and port), what failed (connect, TLS,
 * authentication, a refused recipient, a timeout) and never holds the SMTP password; it is meant to be
 * reported or logged as is.
 */
public final class MailException extends RuntimeException {

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}

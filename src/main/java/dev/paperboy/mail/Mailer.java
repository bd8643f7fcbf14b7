package dev.paperboy.mail;

/**
 * Sends mail, one message per call: sign-in links now, digests next. Implementations are safe to call from
 * many threads. {@link #send} returns once the message is handed over (to the SMTP server, or to the log when
 * none is configured) and throws {@link MailException}, saying what failed, when it could not be.
 */
public interface Mailer {

    /** Sends one message; throws {@link MailException} when it was not handed over. */
    void send(Mail mail);
}

package dev.paperboy.web;

/**
 * Thrown by {@link Visitors#requireSignedIn} when nobody is signed in: WebServer answers a page request with a 303
 * to {@code /signin?next=…} and an API request with 401.
 */
public final class SignInRequired extends RuntimeException {

    private final String next;

    SignInRequired(String next) {
        super("sign-in required", null, false, false);
        this.next = next;
    }

    /** The same-site path to return to after signing in ("/" when there is none worth returning to). */
    String next() {
        return next;
    }
}

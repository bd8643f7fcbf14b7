package dev.paperboy.api;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who an API request acts for, as the API needs it (the web's Visitors, adapted by the wiring): a personal access
 * token ({@code Authorization: Bearer}) or the session cookie.
 */
public interface Caller {

    /** The user's id, if the request is signed in. */
    Optional<Long> userId(Context ctx);

    /** The user's id; a request without a valid token or session answers 401 (the wiring's exception). */
    long requireUserId(Context ctx);
}

package dev.paperboy.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Magic-link sign-in tokens: single use, short-lived, stored only as hashes, optionally bound to the browser
 * that asked for the link by a nonce it keeps in a cookie. Issuing never looks at accounts, so nothing here tells
 * whether an address has one.
 */
public interface LoginTokenStore {

    /** How long a link works. */
    Duration LIFETIME = Duration.ofMinutes(15);

    /**
     * A new link for this address (normalised): its token and, when {@code bindToBrowser}, the nonce the asking
     * browser must present with it; the command line's links are not bound.
     */
    LoginLink issue(String email, boolean bindToBrowser);

    /**
     * Uses a token up, atomically: of two concurrent calls with the same token at most one signs in. A token
     * presented with the wrong nonce (or none, when it is bound) is refused and stays usable by its own browser.
     */
    Redemption redeem(String token, Optional<String> browserNonce);

    /** How many links were issued for this address since {@code since} (for a per-address limit shared by processes). */
    int issuedSince(String email, Instant since);

    /** Deletes the tokens that expired before now (used or not); returns how many. */
    int deleteExpired();

    /** A link's secret parts, shown once: the token goes in the emailed URL, the nonce in the browser's cookie. */
    record LoginLink(String token, Optional<String> browserNonce, Instant expiresAt) {}

    /** What redeeming gave: the address the token was issued for when {@code outcome} is {@link Outcome#SIGNED_IN}. */
    record Redemption(Outcome outcome, Optional<String> email) {
        public boolean signedIn() {
            return outcome == Outcome.SIGNED_IN;
        }
    }

    enum Outcome {
        SIGNED_IN,
        /** No such token. */
        UNKNOWN,
        /** Redeemed before. */
        USED,
        EXPIRED,
        /** Bound to another browser's nonce. */
        OTHER_BROWSER
    }
}

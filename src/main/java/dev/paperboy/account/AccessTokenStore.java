package dev.paperboy.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Personal access tokens (sent as {@code Authorization: Bearer}), stored as hashes; each user sees and revokes only their own. */
public interface AccessTokenStore {

    /** Every token's secret starts with this, so that leaked ones are easy to recognise. */
    String PREFIX = "pb_";
    /** Uses closer together than this update {@code lastUsedAt} once: an API client writes at most once a minute. */
    Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    /** The longest name accepted. */
    int MAX_NAME = 100;

    /** Makes a token for this user; the secret is in the result only. */
    NewToken create(long userId, String name);

    /**
     * The token with this secret and its user, when the token is not revoked and the user not blocked; records
     * the time of use (see {@link #LAST_USED_RESOLUTION}).
     */
    Optional<Authenticated> authenticate(String secret);

    /** This user's tokens, newest first, revoked ones included. */
    List<AccessToken> ofUser(long userId);

    /** Revokes the token when it is this user's and not revoked yet; false otherwise (someone else's, unknown). */
    boolean revoke(long userId, long tokenId);

    record NewToken(AccessToken token, String secret) {}

    record Authenticated(AccessToken token, User user) {}
}

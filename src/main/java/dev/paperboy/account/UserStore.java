package dev.paperboy.account;

import java.util.List;
import java.util.Optional;

/**
 * Accounts, by id and by normalised address ({@link User#normaliseEmail}). Blocking is a moderation act
 * ({@code community.ModerationStore}), and deleting an account takes the community's data with it
 * ({@code community.AccountDeletion}): neither is here.
 */
public interface UserStore {

    /** The account of this address, created (no display name, not admin) when there is none: what signing in does. */
    User findOrCreate(String email);

    /** Creates an account; empty when the address already has one. */
    Optional<User> create(String email, String displayName, boolean admin);

    Optional<User> find(long id);

    Optional<User> findByEmail(String email);

    /** Accounts in the order they were made, from {@code offset}. */
    List<User> list(int limit, int offset);

    long count();

    /** Sets the display name ({@link User#normaliseDisplayName}); empty when there is no such user. */
    Optional<User> rename(long id, String displayName);

    /** Sets the stored admin flag; false when there is no such user. */
    boolean setAdmin(long id, boolean admin);
}

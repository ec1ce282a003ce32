package org.secretariat.platform.api.security;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * User accounts as a module makes them for people outside the staff (a consultant for the length of a
 * contract). The platform keeps them with the others (administrators see them among the users) and
 * enforces an account's access end date at login and on every request, by session or API token: the
 * day after it, the account no longer works. A module cannot make or change an administrator's account.
 * Every call is in the audit log under the actor given.
 *
 * @since 1.2
 */
@ProviderType
public interface Accounts {

    /** An account as a module sees it (never its password). */
    record Account(String username, String displayName, Set<Role> roles, LocalDate accessEndDate, boolean locked) {
    }

    /**
     * A new account and its one-time password, which the holder must change at the first login. The
     * password is for the holder alone: send it to them (e.g. by e-mail), never log it, show it or
     * store it.
     */
    record Created(Account account, String oneTimePassword) {
    }

    /**
     * Makes an account with a random one-time password.
     *
     * @param username 2 to 100 lower-case letters, digits, {@code .}, {@code _} or {@code -}; unique
     * @param roles at least one, never {@link Role#ADMINISTRATOR}
     * @param accessEndDate the last day the account works (required for {@link Role#CONSULTANT})
     * @param actor who asks (the module's user), for the audit log
     * @throws org.secretariat.platform.api.domain.DomainException invalid (naming {@code username},
     *             {@code displayName}, {@code roles} or {@code accessEndDate}) or a conflict when the
     *             username is taken
     */
    Created create(String username, String displayName, Set<Role> roles, LocalDate accessEndDate, String actor);

    /** The account, if there is one of that name. */
    Optional<Account> find(String username);

    /**
     * Moves the last day the account works, earlier or later; a day in the past ends its access at once.
     *
     * @throws org.secretariat.platform.api.domain.DomainException not found, or a conflict for an
     *             administrator's account
     */
    Account setAccessEnd(String username, LocalDate accessEndDate, String actor);

    /** Locks the account: its sessions end and its API tokens are revoked. */
    Account disable(String username, String actor);
}

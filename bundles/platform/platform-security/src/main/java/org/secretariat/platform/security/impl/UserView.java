package org.secretariat.platform.security.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.secretariat.platform.api.security.Role;

/**
 * A user as the API shows and takes it: never a password hash. {@code password} is write-only, the
 * initial password on creation; it is never filled in an answer.
 */
public record UserView(Long id, String username, String displayName, Set<Role> roles, LocalDate accessEndDate,
        Boolean locked, Boolean mustChangePassword, Instant createdAt, Integer version, String password) {

    static UserView of(UserAccount account) {
        return new UserView(account.id, account.username, account.displayName, account.roleSet(), account.accessEndDate,
                account.locked, account.mustChangePassword, account.createdAt, account.version, null);
    }
}

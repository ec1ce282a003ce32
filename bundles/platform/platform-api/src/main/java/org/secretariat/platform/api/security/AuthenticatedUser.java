package org.secretariat.platform.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The user a request was authenticated as; it is the request's {@code SecurityContext} principal.
 */
public final class AuthenticatedUser implements Principal {

    private final long id;
    private final String username;
    private final String displayName;
    private final Set<Role> roles;
    private final boolean passwordChangeRequired;

    public AuthenticatedUser(long id, String username, String displayName, Set<Role> roles, boolean passwordChangeRequired) {
        this.id = id;
        this.username = Objects.requireNonNull(username, "username");
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.passwordChangeRequired = passwordChangeRequired;
    }

    public long id() {
        return id;
    }

    @Override
    public String getName() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** True until the user replaces a one-time password; until then only the password change is allowed. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public String toString() {
        return username;
    }
}

package org.secretariat.platform.security.impl;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Role;

/** What a resource sees through {@code @Context SecurityContext}: the user is an {@link AuthenticatedUser}. */
final class PlatformSecurityContext implements SecurityContext {

    private final AuthenticatedUser user;
    private final boolean secure;
    private final String scheme;

    PlatformSecurityContext(AuthenticatedUser user, boolean secure, String scheme) {
        this.user = user;
        this.secure = secure;
        this.scheme = scheme;
    }

    @Override
    public Principal getUserPrincipal() {
        return user;
    }

    @Override
    public boolean isUserInRole(String role) {
        if (user == null) {
            return false;
        }
        try {
            return user.hasRole(Role.valueOf(role));
        } catch (IllegalArgumentException unknownRole) {
            return false;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}

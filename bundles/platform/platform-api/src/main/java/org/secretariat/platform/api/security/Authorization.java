package org.secretariat.platform.api.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's authentication and permission decisions, for code outside JAX-RS (web pages, the
 * web console) and for checks inside a resource method.
 */
@ProviderType
public interface Authorization {

    /** The user of a session cookie's value, if the session is valid and the account usable. */
    Optional<AuthenticatedUser> userOfSession(String sessionCookie);

    /** The user of an API token ({@code Authorization: Bearer <token>}), if valid. */
    Optional<AuthenticatedUser> userOfToken(String token);

    /**
     * The caller of a request, by the rule every entry point shares: the user of the API token when
     * the request sends {@code Authorization: Bearer <token>}, otherwise the user of the session cookie.
     *
     * @param authorizationHeader the request's {@code Authorization} header, or null
     * @param sessionCookie the value of the {@link #SESSION_COOKIE} cookie, or null
     * @since 1.1
     */
    Optional<AuthenticatedUser> caller(String authorizationHeader, String sessionCookie);

    /** Whether the user holds the permission through one of their roles. */
    boolean isPermitted(AuthenticatedUser user, String permission);

    /** Name of the session cookie. */
    String SESSION_COOKIE = "SECRETARIAT_SESSION";

    /** Header that must carry the session's CSRF token on every state-changing request. */
    String CSRF_HEADER = "X-CSRF-Token";
}

package org.secretariat.platform.security.impl;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;

/**
 * Who is calling and what they may do, for every entry point: the REST filter, the staff pages and
 * the web console all identify a caller by the one rule of {@link #identify}.
 */
@Component(service = {Authorization.class, PlatformAuthorization.class})
public class PlatformAuthorization implements Authorization {

    static final String BEARER = "Bearer";
    static final String SESSION = "Session";

    /** A caller identified: the user, the session's CSRF token (none for a token), and how they authenticated. */
    record Identity(AuthenticatedUser user, String csrfToken, String scheme) {
    }

    private final Sessions sessions;
    private final Tokens tokens;
    private final Permissions permissions;

    @Activate
    public PlatformAuthorization(@Reference Sessions sessions, @Reference Tokens tokens, @Reference Permissions permissions) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.permissions = permissions;
    }

    /**
     * An {@code Authorization: Bearer} header wins: a script's token identifies it even if a browser
     * cookie rides along; otherwise the session cookie does. Invalid credentials identify nobody.
     */
    Optional<Identity> identify(String authorizationHeader, String sessionCookie) {
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, BEARER + " ", 0, BEARER.length() + 1)) {
            return tokens.userOf(authorizationHeader.substring(BEARER.length() + 1).trim()).map(user -> new Identity(user, null, BEARER));
        }
        return sessions.session(sessionCookie).map(session -> new Identity(session.user(), session.csrfToken(), SESSION));
    }

    @Override
    public Optional<AuthenticatedUser> caller(String authorizationHeader, String sessionCookie) {
        return identify(authorizationHeader, sessionCookie).map(Identity::user);
    }

    @Override
    public Optional<AuthenticatedUser> userOfSession(String sessionCookie) {
        return sessions.session(sessionCookie).map(Sessions.SessionUse::user);
    }

    @Override
    public Optional<AuthenticatedUser> userOfToken(String token) {
        return tokens.userOf(token);
    }

    @Override
    public boolean isPermitted(AuthenticatedUser user, String permission) {
        return user != null && permissions.holds(user.roles(), permission);
    }
}

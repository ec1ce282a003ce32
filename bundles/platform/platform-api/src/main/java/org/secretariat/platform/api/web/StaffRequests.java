package org.secretariat.platform.api.web;

import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;

import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;

/**
 * Who sent a servlet request (a staff page, the web console, a module's own servlet): the one way
 * to read the caller outside JAX-RS, by {@link Authorization#caller}'s rule.
 *
 * @since 1.1
 */
public final class StaffRequests {

    private StaffRequests() {
    }

    /** The user of the request's API token or session cookie, if they are valid. */
    public static Optional<AuthenticatedUser> caller(Authorization authorization, HttpServletRequest request) {
        return authorization.caller(request.getHeader("Authorization"), sessionCookie(request));
    }

    private static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (Authorization.SESSION_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}

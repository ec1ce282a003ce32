package org.secretariat.platform.console.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.WebConsoleSecurityProvider3;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.web.StaffRequests;
import org.secretariat.platform.api.security.Role;

/**
 * The Felix Web Console's only way in: the platform's session cookie or an API token of an
 * administrator who has set their own password. The launcher names this provider
 * ({@code felix.webconsole.security.providers=secretariat}), so the console stays closed while it
 * is absent and its built-in admin/admin login is never used.
 */
@Component(property = "webconsole.security.provider.id=" + ConsoleSecurity.PROVIDER_ID,
        service = {org.apache.felix.webconsole.WebConsoleSecurityProvider.class, WebConsoleSecurityProvider3.class})
public class ConsoleSecurity implements WebConsoleSecurityProvider3 {

    /** The id the launcher requires. */
    static final String PROVIDER_ID = "secretariat";

    private final Authorization authorization;

    @Activate
    public ConsoleSecurity(@Reference Authorization authorization) {
        this.authorization = authorization;
    }

    /** No user name and password through the console: log in through the platform. */
    @Override
    public Object authenticate(String username, String password) {
        return null;
    }

    @Override
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<AuthenticatedUser> user = StaffRequests.caller(authorization, request);
        try {
            if (user.isEmpty()) {
                refuse(response, 401, "Log in as an administrator first (POST /api/platform/session), then open /system/console");
                return false;
            }
            if (!user.get().hasRole(Role.ADMINISTRATOR) || user.get().passwordChangeRequired()) {
                refuse(response, 403, "The web console is for administrators who have set their own password");
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        if (!safeMethod(request.getMethod()) && !sameOrigin(request)) {
            try {
                refuse(response, 403, "A state-changing console request must come from this server's own pages (Origin check)");
            } catch (IOException e) {
                return false;
            }
            return false;
        }
        request.setAttribute(USER_ATTRIBUTE, user.get());
        return true;
    }

    private static boolean safeMethod(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /**
     * The console's forms carry no CSRF token of the platform's, so a state-changing request must name
     * this server as its Origin (or, failing that, Referer); the session cookie's SameSite=Strict is the
     * first line.
     */
    private static boolean sameOrigin(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.isEmpty() || "null".equals(source)) {
            source = request.getHeader("Referer");
        }
        if (source == null || source.isEmpty()) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(source);
            String host = request.getHeader("Host");
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }


    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"status\":" + status + ",\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof AuthenticatedUser && ((AuthenticatedUser) user).hasRole(Role.ADMINISTRATOR);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // Logging out is the platform's (DELETE /api/platform/session).
    }
}

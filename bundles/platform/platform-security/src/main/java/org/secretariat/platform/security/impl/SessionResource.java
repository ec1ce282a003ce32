package org.secretariat.platform.security.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.ApiError;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Role;

/** Login, the current session, logout and the user's own password. */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** Login request. */
    public static class Credentials {
        public String username;
        public String password;
    }

    /** Own password change. */
    public static class PasswordChange {
        public String currentPassword;
        public String newPassword;
    }

    private final Sessions sessions;
    private final Accounts accounts;
    private final AuditService audit;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public SessionResource(@Reference Sessions sessions, @Reference Accounts accounts, @Reference AuditService audit) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.audit = audit;
    }

    @POST
    @PermitAll
    @SelfAudited
    @Summary("Log in with a username and password (answers the session's csrfToken and sets the session cookie)")
    public Response login(Credentials credentials) {
        if (credentials == null || credentials.username == null || credentials.username.isBlank()) {
            throw ApiException.badRequest("username", "username is required");
        }
        if (credentials.password == null || credentials.password.isEmpty()) {
            throw ApiException.badRequest("password", "password is required");
        }
        Sessions.Login login;
        try {
            login = sessions.login(credentials.username, credentials.password, servletRequest.getRemoteAddr());
        } catch (Sessions.ThrottledException e) {
            return Response.status(429).header("Retry-After", Math.max(1, e.wait.toSeconds()))
                    .type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(429, e.getMessage(), null)).build();
        }
        Map<String, Object> body = describe(login.user());
        body.put("csrfToken", login.csrfToken());
        return Response.ok(body).header("Set-Cookie", cookie(login.sessionCookie(), -1)).build();
    }

    private String cookie(String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(Authorization.SESSION_COOKIE).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (servletRequest.isSecure()) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    @GET
    @RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
    @PasswordChangeExempt
    @Summary("Read the caller's own session: username, roles, whether the password must change, and the csrfToken")
    public Map<String, Object> current(@Context SecurityContext context, @CookieParam(Authorization.SESSION_COOKIE) String cookie) {
        AuthenticatedUser user = (AuthenticatedUser) context.getUserPrincipal();
        Map<String, Object> body = describe(user);
        sessions.session(cookie).ifPresent(session -> body.put("csrfToken", session.csrfToken()));
        return body;
    }

    @DELETE
    @RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
    @PasswordChangeExempt
    @SelfAudited
    @Summary("Log out: end the caller's session")
    public Response logout(@Context SecurityContext context, @CookieParam(Authorization.SESSION_COOKIE) String cookie) {
        sessions.logout(cookie);
        audit.record(context.getUserPrincipal().getName(), servletRequest.getRemoteAddr(), "security.logout",
                "user/" + context.getUserPrincipal().getName(), "success", null);
        return Response.noContent().header("Set-Cookie", cookie("", 0)).build();
    }

    @POST
    @Path("password")
    @RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
    @PasswordChangeExempt
    @SelfAudited
    @Summary("Change the caller's own password (required after a reset or the first login)")
    public Response changePassword(@Context SecurityContext context, @CookieParam(Authorization.SESSION_COOKIE) String cookie, PasswordChange change) {
        if (change == null) {
            throw ApiException.badRequest("newPassword", "currentPassword and newPassword are required");
        }
        AuthenticatedUser user = (AuthenticatedUser) context.getUserPrincipal();
        accounts.changeOwnPassword(user, change.currentPassword, change.newPassword, Sessions.hashOf(cookie));
        audit.record(user.getName(), servletRequest.getRemoteAddr(), "security.password.change", "user/" + user.getName(), "success", null);
        return Response.noContent().build();
    }

    static Map<String, Object> describe(AuthenticatedUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.getName());
        body.put("displayName", user.displayName());
        body.put("roles", new TreeSet<>(user.roles()));
        body.put("mustChangePassword", user.passwordChangeRequired());
        return body;
    }
}

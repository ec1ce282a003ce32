package org.secretariat.platform.security.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.secretariat.platform.api.rest.ApiError;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one gate of the REST API. Before a resource method runs it authenticates the caller (session
 * cookie or bearer token), applies the method's access rule (undeclared means denied), requires the
 * CSRF header on state-changing calls made with a session, and keeps users with a one-time password
 * to the password change. After it runs, it writes every state-changing call to the audit log.
 * The application does not start without it, so no module can be reached around it.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName(AccessFilter.NAME)
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String NAME = "secretariat.security";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String USER = "secretariat.user";
    private static final String ADDRESS = "secretariat.address";
    private static final String BODY = "secretariat.body";
    private static final int BODY_SUMMARY_BYTES = 8192;
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(password|token|secret).*");

    private final PlatformAuthorization authorization;
    private final Permissions permissions;
    private final AuditService audit;
    private final ObjectMapper json = new ObjectMapper();

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public AccessFilter(@Reference PlatformAuthorization authorization, @Reference Permissions permissions, @Reference AuditService audit) {
        this.authorization = authorization;
        this.permissions = permissions;
        this.audit = audit;
    }

    /**
     * Defence in depth beside the CSRF token: a browser names the page's origin on every state-changing
     * call; one from another site is refused. Scripts send no Origin and are not affected. Behind a
     * reverse proxy the host it was asked for ({@code X-Forwarded-Host}, or {@code host=} of {@code Forwarded})
     * counts as this site too.
     */
    static boolean crossOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        String authority;
        try {
            authority = java.net.URI.create(origin.trim()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (authority == null) {
            return true; // "null": a sandboxed page or a file
        }
        String host = request.getHeaderString("Host");
        String forwardedHost = request.getHeaderString("X-Forwarded-Host");
        String forwarded = forwardedHost != null ? forwardedHost.split(",")[0].trim() : forwardedHost(request.getHeaderString("Forwarded"));
        return !(authority.equalsIgnoreCase(host == null ? "" : host.trim()) || forwarded != null && authority.equalsIgnoreCase(forwarded));
    }

    /** The {@code host=} of the first element of an RFC 7239 {@code Forwarded} header, or null. */
    static String forwardedHost(String header) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(",")[0].split(";")) {
            String[] parts = pair.trim().split("=", 2);
            if (parts.length == 2 && "host".equalsIgnoreCase(parts[0].trim())) {
                return parts[1].trim().replace("\"", "");
            }
        }
        return null;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        AccessRule rule = AccessRule.of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        boolean unsafe = !SAFE_METHODS.contains(request.getMethod());
        request.setProperty(ADDRESS, servletRequest == null ? null : servletRequest.getRemoteAddr());
        if (unsafe) {
            if (crossOrigin(request)) {
                abort(request, 403, "Cross-origin request refused: state-changing calls come from this site's own pages or from scripts without an Origin header");
                return;
            }
            captureBody(request);
        }
        if (rule.kind == AccessRule.Kind.PUBLIC) {
            identify(request).ifPresent(found -> {
                request.setProperty(USER, found.user());
                request.setSecurityContext(new PlatformSecurityContext(found.user(), request.getSecurityContext().isSecure(), found.scheme()));
            });
            return;
        }
        Optional<PlatformAuthorization.Identity> identity = identify(request);
        if (identity.isEmpty()) {
            abort(request, 401, "Authentication required: log in (POST /api/platform/session) or send Authorization: Bearer <token>");
            return;
        }
        PlatformAuthorization.Identity found = identity.get();
        AuthenticatedUser user = found.user();
        request.setProperty(USER, user);
        if (unsafe && found.csrfToken() != null
                && !Secrets.same(found.csrfToken(), request.getHeaderString(Authorization.CSRF_HEADER))) {
            abort(request, 403, "Missing or wrong " + Authorization.CSRF_HEADER + " header: send the csrfToken you received at login");
            return;
        }
        if (user.passwordChangeRequired() && resourceInfo.getResourceMethod().getAnnotation(PasswordChangeExempt.class) == null) {
            abort(request, 403, "Change your one-time password first (POST /api/platform/session/password)");
            return;
        }
        if (!allowed(rule, user)) {
            abort(request, 403, rule.kind == AccessRule.Kind.UNDECLARED
                    ? "Forbidden: this endpoint declares no access rule" : "Forbidden: your roles do not allow this");
            return;
        }
        request.setSecurityContext(new PlatformSecurityContext(user, request.getSecurityContext().isSecure(), found.scheme()));
    }

    private boolean allowed(AccessRule rule, AuthenticatedUser user) {
        switch (rule.kind) {
            case ROLES:
                return rule.roles.stream().anyMatch(user::hasRole);
            case PERMISSION:
                return permissions.holds(user.roles(), rule.permission);
            default:
                return false;
        }
    }

    private Optional<PlatformAuthorization.Identity> identify(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Authorization.SESSION_COOKIE);
        return authorization.identify(request.getHeaderString(HttpHeaders.AUTHORIZATION), cookie == null ? null : cookie.getValue());
    }

    private static void abort(ContainerRequestContext request, int status, String message) {
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(status, message, null)).build());
    }

    private static void captureBody(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        if (!request.hasEntity() || type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        InputStream original = request.getEntityStream();
        byte[] start = original.readNBytes(BODY_SUMMARY_BYTES + 1);
        request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(start), original));
        request.setProperty(BODY, start.length > BODY_SUMMARY_BYTES ? null : start);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        if (resourceInfo.getResourceMethod() != null && resourceInfo.getResourceMethod().getAnnotation(SelfAudited.class) != null) {
            return;
        }
        AuthenticatedUser user = (AuthenticatedUser) request.getProperty(USER);
        String path = RestApi.BASE + "/" + request.getUriInfo().getPath(true).replaceFirst("^/", "");
        String detail = null;
        if (response.getStatus() < 400) {
            detail = "request: " + summary(request.getProperty(BODY)) + "; response: " + summary(response.getEntity());
        } else if (response.getEntity() instanceof ApiError) {
            detail = ((ApiError) response.getEntity()).getError();
        }
        audit.record(user == null ? null : user.getName(), (String) request.getProperty(ADDRESS),
                request.getMethod() + " " + path, path, Integer.toString(response.getStatus()), detail);
    }

    /** A short JSON summary with the values of secret-looking fields replaced. */
    private String summary(Object value) {
        if (value == null) {
            return "-";
        }
        try {
            JsonNode tree = value instanceof byte[] ? json.readTree((byte[]) value) : json.valueToTree(value);
            redact(tree);
            return AuditService.truncate(json.writeValueAsString(tree), 900);
        } catch (IOException | IllegalArgumentException e) {
            return "(not JSON)";
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELD.matcher(field.getKey()).matches()) {
                    field.setValue(object.textNode("***"));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(AccessFilter::redact);
        }
    }
}

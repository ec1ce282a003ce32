package org.secretariat.website.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.Role;

/** What the pages are told the caller may do: the website permissions the platform grants the caller's roles, no more. */
class WebsiteAccessResourceTest {

    /** The platform's decision, as an administrator may have customised it: a role to the permissions it holds. */
    private static Authorization granting(Map<Role, Set<String>> granted) {
        return new Authorization() {
            @Override
            public Optional<AuthenticatedUser> userOfSession(String sessionCookie) {
                return Optional.empty();
            }

            @Override
            public Optional<AuthenticatedUser> userOfToken(String token) {
                return Optional.empty();
            }

            @Override
            public Optional<AuthenticatedUser> caller(String authorizationHeader, String sessionCookie) {
                return Optional.empty();
            }

            @Override
            public boolean isPermitted(AuthenticatedUser user, String permission) {
                return user.roles().stream().anyMatch(role -> granted.getOrDefault(role, Set.of()).contains(permission));
            }
        };
    }

    private static SecurityContext as(Role role) {
        AuthenticatedUser user = new AuthenticatedUser(7, "someone", "Someone", EnumSet.of(role), false);
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String name) {
                return user.roles().stream().anyMatch(r -> r.name().equals(name));
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "session";
            }
        };
    }

    @Test
    void answersTheWebsitePermissionsTheCallerHoldsAndNoOthers() {
        WebsiteAccessResource resource = new WebsiteAccessResource(granting(Map.of(
                Role.SPECIALIST, Set.of(WebsitePermissions.CONTENT_READ, WebsitePermissions.CONTENT_PUBLISH, "meetings.meeting.read"),
                // an administrator gave the Assistant the right to choose the theme
                Role.ASSISTANT, Set.of(WebsitePermissions.CONTENT_READ, WebsitePermissions.THEME_WRITE))));

        assertEquals(List.of(WebsitePermissions.CONTENT_READ, WebsitePermissions.CONTENT_PUBLISH), resource.access(as(Role.SPECIALIST)).permissions(),
                "another module's permission is not the pages' business");
        assertEquals(List.of(WebsitePermissions.CONTENT_READ, WebsitePermissions.THEME_WRITE), resource.access(as(Role.ASSISTANT)).permissions());
        assertEquals(List.of(), resource.access(as(Role.CONSULTANT)).permissions());
    }

    /** The defaults the pages rely on: an Assistant writes but does not publish, only the Director and the administrator choose the theme. */
    @Test
    void byDefaultAnAssistantWritesButDoesNotPublish() {
        Map<String, Set<Role>> defaults = new java.util.HashMap<>();
        for (Permission permission : new WebsitePermissions().permissions()) {
            defaults.put(permission.name(), permission.defaultRoles());
        }
        assertEquals(Set.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT), defaults.get(WebsitePermissions.CONTENT_WRITE));
        assertEquals(Set.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST), defaults.get(WebsitePermissions.CONTENT_PUBLISH));
        assertEquals(Set.of(Role.ADMINISTRATOR, Role.DIRECTOR), defaults.get(WebsitePermissions.THEME_WRITE));
    }
}

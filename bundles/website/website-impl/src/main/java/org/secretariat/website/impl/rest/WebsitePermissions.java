package org.secretariat.website.impl.rest;

import java.util.EnumSet;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.PermissionDeclaration;
import org.secretariat.platform.api.security.Role;

/** What staff may do with the website. Consultants see nothing; the public sees only what is published. */
@Component
public class WebsitePermissions implements PermissionDeclaration {

    public static final String CONTENT_READ = "website.content.read";
    public static final String CONTENT_WRITE = "website.content.write";
    public static final String CONTENT_PUBLISH = "website.content.publish";
    public static final String THEME_WRITE = "website.theme.write";

    @Override
    public String module() {
        return "website";
    }

    @Override
    public List<Permission> permissions() {
        EnumSet<Role> staff = EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST, Role.ASSISTANT);
        return List.of(
                new Permission(CONTENT_READ, "See the website's pages and news, drafts included", staff),
                new Permission(CONTENT_WRITE, "Write pages and news, order the menu", staff),
                new Permission(CONTENT_PUBLISH, "Publish and unpublish pages and news", EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR, Role.SPECIALIST)),
                new Permission(THEME_WRITE, "Choose the website's theme", EnumSet.of(Role.ADMINISTRATOR, Role.DIRECTOR)));
    }
}

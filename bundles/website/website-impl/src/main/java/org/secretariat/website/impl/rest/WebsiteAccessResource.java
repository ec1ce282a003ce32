package org.secretariat.website.impl.rest;

import java.util.List;
import java.util.stream.Collectors;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;
import org.secretariat.platform.api.security.Permission;
import org.secretariat.platform.api.security.Role;

/**
 * Which website permissions the caller holds now, so the staff pages offer Publish, Save and Delete
 * only to those who may (an administrator can grant a permission to other roles, so the role alone does
 * not tell). It tells callers about themselves only, hence open to every staff role; the endpoints decide anyway.
 */
@Component(service = WebsiteAccessResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("website/access")
@Produces(MediaType.APPLICATION_JSON)
public class WebsiteAccessResource {

    /** The website permissions the caller holds. */
    public record Access(List<String> permissions) {
    }

    private static final List<String> WEBSITE_PERMISSIONS = new WebsitePermissions().permissions().stream()
            .map(Permission::name).collect(Collectors.toUnmodifiableList());

    private final Authorization authorization;

    @Activate
    public WebsiteAccessResource(@Reference Authorization authorization) {
        this.authorization = authorization;
    }

    @GET
    @RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
    @Summary("List the website permissions the caller holds now (so pages offer Publish and the theme switch only to those who may)")
    public Access access(@Context SecurityContext security) {
        AuthenticatedUser user = (AuthenticatedUser) security.getUserPrincipal();
        return new Access(WEBSITE_PERMISSIONS.stream().filter(permission -> authorization.isPermitted(user, permission))
                .collect(Collectors.toList()));
    }
}

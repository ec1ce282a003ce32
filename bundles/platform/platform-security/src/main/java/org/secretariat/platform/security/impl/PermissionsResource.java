package org.secretariat.platform.security.impl;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.Role;

/** Which roles hold which module permission; administrators change the mapping here. */
@Component(service = PermissionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/permissions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMINISTRATOR)
public class PermissionsResource {

    /** The roles that should hold a permission. */
    public static class Grant {
        public Set<Role> roles;
    }

    private final Permissions permissions;

    @Activate
    public PermissionsResource(@Reference Permissions permissions) {
        this.permissions = permissions;
    }

    @GET
    @Summary("List every module permission with the roles that hold it (administrators)")
    public List<Map<String, Object>> list() {
        return permissions.all().stream().map(PermissionsResource::json).collect(Collectors.toList());
    }

    @PUT
    @Path("{permission}")
    @Summary("Set which roles hold a module permission (administrators)")
    public Map<String, Object> set(@PathParam("permission") String permission, Grant grant) {
        if (permissions.find(permission) == null) {
            throw ApiException.notFound("No installed module declares the permission '" + permission + "'");
        }
        if (grant == null || grant.roles == null) {
            throw ApiException.badRequest("roles", "roles is required (it may be empty)");
        }
        permissions.set(permission, grant.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(grant.roles));
        return json(permissions.find(permission));
    }

    private static Map<String, Object> json(Permissions.Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("permission", entry.permission.name());
        json.put("module", entry.module);
        json.put("description", entry.permission.description());
        json.put("roles", new TreeSet<>(entry.roles));
        json.put("defaultRoles", new TreeSet<>(entry.permission.defaultRoles()));
        json.put("customised", entry.customised);
        return json;
    }
}

package org.secretariat.finance.impl.rest;

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
 * Which finance permissions the caller holds now, so the pages offer Approve and Save only to those
 * who may (an administrator can give a permission to other roles, so the role alone does not tell).
 * It tells callers about themselves only, hence open to every staff role; the endpoints decide anyway.
 */
@Component(service = FinanceAccessResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/access")
@Produces(MediaType.APPLICATION_JSON)
public class FinanceAccessResource {

    /** The finance permissions the caller holds. */
    public record Access(List<String> permissions) {
    }

    private static final List<String> FINANCE_PERMISSIONS = new FinancePermissions().permissions().stream()
            .map(Permission::name).collect(Collectors.toUnmodifiableList());

    private final Authorization authorization;

    @Activate
    public FinanceAccessResource(@Reference Authorization authorization) {
        this.authorization = authorization;
    }

    @GET
    @RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
    @Summary("List the finance permissions the caller holds now (so pages offer only what they may do)")
    public Access access(@Context SecurityContext security) {
        AuthenticatedUser user = (AuthenticatedUser) security.getUserPrincipal();
        return new Access(FINANCE_PERMISSIONS.stream().filter(permission -> authorization.isPermitted(user, permission))
                .collect(Collectors.toList()));
    }
}

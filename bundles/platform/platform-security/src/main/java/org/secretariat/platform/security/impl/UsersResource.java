package org.secretariat.platform.security.impl;


import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Role;

/** User administration, for administrators. */
@Component(service = UsersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMINISTRATOR)
public class UsersResource {

    private final Accounts accounts;

    @Activate
    public UsersResource(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Summary("List user accounts (administrators)")
    public Page<UserView> list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        return accounts.list(PageRequest.parse(page, size, sort, Accounts.SORTABLE, "username"));
    }

    @GET
    @Path("{id}")
    @Summary("Read a user account (administrators)")
    public UserView get(@PathParam("id") long id) {
        return accounts.get(id);
    }

    @POST
    @Answers(status = 201, value = UserView.class)
    @Summary("Create a user account with its roles and initial password (administrators)")
    public Response create(UserView body) {
        return Response.status(201).entity(accounts.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Summary("Change a user account: display name, roles, access end date; locking it ends its sessions and tokens (administrators)")
    public UserView update(@PathParam("id") long id, UserView body, @Context SecurityContext context) {
        return accounts.update(id, body, self(context));
    }

    /** An administrator's password reset. */
    public record PasswordReset(String password) {
    }

    @POST
    @Path("{id}/password")
    @Summary("Reset a user's password: their sessions and tokens end and they must change it at their next login (administrators)")
    public Response resetPassword(@PathParam("id") long id, PasswordReset body) {
        accounts.resetPassword(id, body == null ? null : body.password());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unlock")
    @Summary("Unlock a user locked out after failed logins (administrators)")
    public UserView unlock(@PathParam("id") long id) {
        return accounts.unlock(id);
    }

    @DELETE
    @Path("{id}")
    @Summary("Delete a user account with its sessions and tokens (administrators)")
    public Response delete(@PathParam("id") long id, @Context SecurityContext context) {
        accounts.delete(id, self(context));
        return Response.noContent().build();
    }

    private static AuthenticatedUser self(SecurityContext context) {
        return (AuthenticatedUser) context.getUserPrincipal();
    }
}

package org.secretariat.platform.security.impl;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Role;

/** A user's own API tokens for scripts: create (shown once), list, revoke. */
@Component(service = TokensResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR, Role.Names.SPECIALIST, Role.Names.ASSISTANT, Role.Names.CONSULTANT})
public class TokensResource {

    private final Tokens tokens;

    @Activate
    public TokensResource(@Reference Tokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @Summary("List the caller's own API tokens (never their values)")
    public List<TokenView> list(@Context SecurityContext context) {
        return tokens.of(self(context).id());
    }

    /** Creates a token. Only from a logged-in session: a token that could mint tokens would outlive its own revocation. */
    @POST
    @Answers(status = 201, value = TokenView.class)
    @Summary("Create an API token for the caller's scripts, from a logged-in session (its value is shown once)")
    public Response create(@Context SecurityContext context, TokenView body) {
        if (PlatformAuthorization.BEARER.equals(context.getAuthenticationScheme())) {
            throw new ApiException(403, "API tokens are created from a logged-in session, not with another API token", null);
        }
        return Response.status(201).entity(tokens.create(self(context), body)).build();
    }

    @DELETE
    @Path("{id}")
    @Summary("Revoke one of the caller's own API tokens")
    public Response revoke(@Context SecurityContext context, @PathParam("id") long id) {
        tokens.revoke(self(context).id(), id);
        return Response.noContent().build();
    }

    private static AuthenticatedUser self(SecurityContext context) {
        return (AuthenticatedUser) context.getUserPrincipal();
    }
}

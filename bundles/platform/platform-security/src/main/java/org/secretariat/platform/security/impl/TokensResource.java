package org.secretariat.platform.security.impl;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

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
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
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

    /** A token as listed; {@code token} is present only in the answer to its creation. */
    public static class TokenJson {
        public Long id;
        public String name;
        public Instant createdAt;
        public Instant expiresAt;
        public Instant revokedAt;
        public Instant lastUsedAt;
        public String token;

        static TokenJson of(ApiTokenRecord record) {
            TokenJson json = new TokenJson();
            json.id = record.id;
            json.name = record.name;
            json.createdAt = record.createdAt;
            json.expiresAt = record.expiresAt;
            json.revokedAt = record.revokedAt;
            json.lastUsedAt = record.lastUsedAt;
            return json;
        }
    }

    private final SecurityService security;

    @Activate
    public TokensResource(@Reference SecurityService security) {
        this.security = security;
    }

    @GET
    public List<TokenJson> list(@Context SecurityContext context) {
        long user = self(context).id();
        return Transactions.read(security.store(), em -> em.createQuery(
                "SELECT t FROM ApiTokenRecord t WHERE t.userId = :user ORDER BY t.createdAt DESC", ApiTokenRecord.class)
                .setParameter("user", user).setMaxResults(500).getResultList()
                .stream().map(TokenJson::of).collect(Collectors.toList()));
    }

    /** Creates a token. Only from a logged-in session: a token that could mint tokens would outlive its own revocation. */
    @POST
    public Response create(@Context SecurityContext context, TokenJson body) {
        if (BEARER.equals(context.getAuthenticationScheme())) {
            throw new ApiException(403, "API tokens are created from a logged-in session, not with another API token", null);
        }
        if (body == null) {
            throw ApiException.badRequest("name", "name and expiresAt are required");
        }
        ApiTokenRecord[] created = new ApiTokenRecord[1];
        String token = security.createToken(self(context), body.name, body.expiresAt, created);
        TokenJson json = TokenJson.of(created[0]);
        json.token = token;
        return Response.status(201).entity(json).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@Context SecurityContext context, @PathParam("id") long id) {
        long user = self(context).id();
        Transactions.inTransaction(security.store(), em -> {
            ApiTokenRecord record = em.find(ApiTokenRecord.class, id);
            if (record == null || record.userId != user) {
                throw ApiException.notFound("No token " + id + " of yours");
            }
            if (record.revokedAt == null) {
                record.revokedAt = security.clock().instant();
            }
            return null;
        });
        return Response.noContent().build();
    }

    /** The authentication scheme of calls made with an API token (see AccessFilter). */
    private static final String BEARER = "Bearer";

    private static AuthenticatedUser self(SecurityContext context) {
        return (AuthenticatedUser) context.getUserPrincipal();
    }
}

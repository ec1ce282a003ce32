package org.secretariat.platform.security.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
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

    private static final Set<String> SORTABLE = Set.of("username", "displayName", "createdAt");

    /** A user as the API shows it: never a password hash. */
    public static class UserJson {
        public Long id;
        public String username;
        public String displayName;
        public Set<Role> roles;
        public LocalDate accessEndDate;
        public Boolean locked;
        public Boolean mustChangePassword;
        public Instant createdAt;
        public Integer version;
        /** Write-only: the initial password on creation. */
        public String password;

        static UserJson of(UserAccount account) {
            UserJson json = new UserJson();
            json.id = account.id;
            json.username = account.username;
            json.displayName = account.displayName;
            json.roles = account.roleSet();
            json.accessEndDate = account.accessEndDate;
            json.locked = account.locked;
            json.mustChangePassword = account.mustChangePassword;
            json.createdAt = account.createdAt;
            json.version = account.version;
            return json;
        }
    }

    /** An administrator's password reset. */
    public static class PasswordReset {
        public String password;
    }

    private final SecurityService security;

    @Activate
    public UsersResource(@Reference SecurityService security) {
        this.security = security;
    }

    @GET
    public Page<UserJson> list(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, SORTABLE, "username");
        return Transactions.read(security.store(), em -> {
            long total = em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult();
            List<UserJson> items = em.createQuery("SELECT u FROM UserAccount u ORDER BY u." + request.sortField()
                    + (request.ascending() ? " ASC" : " DESC"), UserAccount.class)
                    .setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                    .stream().map(UserJson::of).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    @GET
    @Path("{id}")
    public UserJson get(@PathParam("id") long id) {
        return Transactions.read(security.store(), em -> UserJson.of(find(em, id)));
    }

    private static UserAccount find(javax.persistence.EntityManager em, long id) {
        UserAccount account = em.find(UserAccount.class, id);
        if (account == null) {
            throw ApiException.notFound("No user " + id);
        }
        return account;
    }

    @POST
    public Response create(UserJson body) {
        if (body == null) {
            throw ApiException.badRequest("username", "a user is required");
        }
        UserAccount created = security.createUser(body.username, body.displayName, roles(body.roles), body.password, body.accessEndDate);
        return Response.status(201).entity(UserJson.of(created)).build();
    }

    private static Set<Role> roles(Set<Role> roles) {
        if (roles != null && roles.contains(null)) {
            throw ApiException.badRequest("roles", "roles must not contain null: " + java.util.Arrays.toString(Role.values()));
        }
        return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    @PUT
    @Path("{id}")
    public UserJson update(@PathParam("id") long id, UserJson body, @Context SecurityContext context) {
        if (body == null || body.version == null) {
            throw ApiException.badRequest("version", "version is required: send the version you read");
        }
        Set<Role> roles = roles(body.roles);
        security.checkProfile(body.displayName, roles, body.accessEndDate);
        UserJson updated = security.changingAdministrators(em -> {
            UserAccount account = find(em, id);
            if (account.version != body.version) {
                throw ApiException.conflict("User " + account.username + " was changed by someone else; reload it");
            }
            if (!roles.contains(Role.ADMINISTRATOR) && account.roleSet().contains(Role.ADMINISTRATOR)
                    && security.otherAdministrators(em, id) == 0) {
                throw new ApiException(409, "This is the last administrator: give another user the ADMINISTRATOR role first", "roles");
            }
            account.displayName = body.displayName.trim();
            account.setRoles(roles);
            account.accessEndDate = body.accessEndDate;
            if (Boolean.TRUE.equals(body.locked)) {
                if (id == self(context).id()) {
                    throw new ApiException(409, "You cannot lock your own account", "locked");
                }
                account.locked = true;
            }
            em.flush();
            return UserJson.of(account);
        });
        if (Boolean.TRUE.equals(body.locked)) {
            security.endSessions(id, null);
            security.revokeTokens(id);
        }
        return updated;
    }

    @POST
    @Path("{id}/password")
    public Response resetPassword(@PathParam("id") long id, PasswordReset body) {
        String username = Transactions.read(security.store(), em -> find(em, id).username);
        security.policy().check("password", body == null ? null : body.password, username);
        Transactions.inTransaction(security.store(), em -> {
            UserAccount account = find(em, id);
            account.passwordHash = security.hash(body.password);
            account.mustChangePassword = true;
            account.passwordChangedAt = security.clock().instant();
            return null;
        });
        security.endSessions(id, null);
        security.revokeTokens(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unlock")
    public UserJson unlock(@PathParam("id") long id) {
        UserJson unlocked = Transactions.inTransaction(security.store(), em -> {
            UserAccount account = find(em, id);
            account.locked = false;
            account.failedAttempts = 0;
            em.flush();
            return UserJson.of(account);
        });
        security.unlock(unlocked.username);
        return unlocked;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @Context SecurityContext context) {
        if (id == self(context).id()) {
            throw ApiException.conflict("You cannot delete your own account");
        }
        security.changingAdministrators(em -> {
            UserAccount account = find(em, id);
            if (account.roleSet().contains(Role.ADMINISTRATOR) && security.otherAdministrators(em, id) == 0) {
                throw ApiException.conflict("This is the last administrator");
            }
            em.createQuery("DELETE FROM SessionRecord s WHERE s.userId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM ApiTokenRecord t WHERE t.userId = :id").setParameter("id", id).executeUpdate();
            em.remove(account);
            return null;
        });
        return Response.noContent().build();
    }

    private static AuthenticatedUser self(SecurityContext context) {
        return (AuthenticatedUser) context.getUserPrincipal();
    }
}

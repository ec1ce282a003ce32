package org.secretariat.contacts.impl.rest;

import java.util.List;

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
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.groups.GroupDto;
import org.secretariat.contacts.impl.groups.GroupEvaluation;
import org.secretariat.contacts.impl.groups.Groups;
import org.secretariat.contacts.impl.groups.MemberPage;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Groups of people (1.1): lists staff keep, and saved queries whose members are evaluated when asked for. */
@Component(service = GroupsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    /** The people to add to a static group. */
    public record Additions(List<Long> personIds) {
    }

    private final Groups groups;
    private final GroupEvaluation evaluation;

    @Activate
    public GroupsResource(@Reference Groups groups, @Reference GroupEvaluation evaluation) {
        this.groups = groups;
        this.evaluation = evaluation;
    }

    @GET
    @RequiresPermission(ContactsPermissions.GROUP_READ)
    @Summary("List groups of people, by name")
    public Page<GroupDto> list(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("sort") String sort) {
        return groups.list(q, PageRequest.parse(page, size, sort, Groups.SORTABLE, "name"));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.GROUP_READ)
    @Summary("Get a group")
    public GroupDto get(@PathParam("id") long id) {
        return groups.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.GROUP_WRITE)
    @Summary("Make a group: a list kept by hand or a saved query")
    @Answers(status = 201, value = GroupDto.class)
    public Response create(GroupDto body, @Context SecurityContext security) {
        return Response.status(201).entity(groups.create(body, security.getUserPrincipal().getName())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.GROUP_WRITE)
    @Summary("Change a group's name, description or query")
    public GroupDto update(@PathParam("id") long id, GroupDto body) {
        return groups.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.GROUP_WRITE)
    @Summary("Delete a group and its list")
    public Response delete(@PathParam("id") long id) {
        groups.delete(id);
        return Response.noContent().build();
    }

    /** Who is in the group now, by name, a page at a time; a query that cannot be evaluated now answers {@code available: false} and why. */
    @GET
    @Path("{id}/members")
    @RequiresPermission(ContactsPermissions.GROUP_READ)
    @Summary("List who is in a group now, by name")
    public MemberPage members(@PathParam("id") long id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return evaluation.members(id, PageRequest.parse(page, size, null, java.util.Set.of("name"), "name"));
    }

    /** Adds people to a static group ({@code {"personIds":[7,12]}}); those in it already stay. */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.GROUP_WRITE)
    @Summary("Add people to a static group")
    public GroupDto addMembers(@PathParam("id") long id, Additions body, @Context SecurityContext security) {
        return groups.addMembers(id, body == null ? null : body.personIds(), security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}/members/{personId}")
    @RequiresPermission(ContactsPermissions.GROUP_WRITE)
    @Summary("Take a person out of a static group")
    public Response removeMember(@PathParam("id") long id, @PathParam("personId") long personId) {
        groups.removeMember(id, personId);
        return Response.noContent().build();
    }
}

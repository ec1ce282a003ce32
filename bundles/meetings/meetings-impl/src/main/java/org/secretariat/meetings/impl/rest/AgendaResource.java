package org.secretariat.meetings.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.meetings.impl.service.Agenda;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** A meeting's agenda: numbered items, nested under a parent item ("2", "2(a)"...), in number order. */
@Component(service = AgendaResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/agenda")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    private final Agenda agenda;

    @Activate
    public AgendaResource(@Reference Agenda agenda) {
        this.agenda = agenda;
    }

    /** The agenda as a tree: top-level items with their sub-items, each level in number order. */
    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Read a meeting's agenda as a tree of numbered items, in natural number order")
    public List<Agenda.Node> agenda(@PathParam("meetingId") long meetingId) {
        return agenda.tree(meetingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Answers(status = 201, value = Agenda.Item.class)
    @Summary("Add an item (or a sub-item, with parentId) to a meeting's agenda")
    public Response add(@PathParam("meetingId") long meetingId, Agenda.Item body) {
        return Response.status(201).entity(agenda.add(meetingId, body)).build();
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Change an agenda item: number, title, parent")
    public Agenda.Item update(@PathParam("meetingId") long meetingId, @PathParam("itemId") long itemId, Agenda.Item body) {
        return agenda.update(meetingId, itemId, body);
    }

    @DELETE
    @Path("{itemId}")
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Delete an agenda item")
    public Response delete(@PathParam("meetingId") long meetingId, @PathParam("itemId") long itemId) {
        agenda.delete(meetingId, itemId);
        return Response.noContent().build();
    }
}

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
import org.secretariat.meetings.impl.service.Programme;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** A meeting's programme: sessions by day and time, with their room and the agenda items taken up. */
@Component(service = ProgrammeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/programme")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    private final Programme programme;

    @Activate
    public ProgrammeResource(@Reference Programme programme) {
        this.programme = programme;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Read a meeting's programme: its sessions by date and time")
    public List<Programme.Session> programme(@PathParam("meetingId") long meetingId) {
        return programme.sessions(meetingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Answers(status = 201, value = Programme.Session.class)
    @Summary("Add a session to a meeting's programme: date within the meeting, times, room, agenda items")
    public Response add(@PathParam("meetingId") long meetingId, Programme.Session body) {
        return Response.status(201).entity(programme.add(meetingId, body)).build();
    }

    @PUT
    @Path("{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Change a session of a meeting's programme")
    public Programme.Session update(@PathParam("meetingId") long meetingId, @PathParam("sessionId") long sessionId, Programme.Session body) {
        return programme.update(meetingId, sessionId, body);
    }

    @DELETE
    @Path("{sessionId}")
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Delete a session from a meeting's programme")
    public Response delete(@PathParam("meetingId") long meetingId, @PathParam("sessionId") long sessionId) {
        programme.delete(meetingId, sessionId);
        return Response.noContent().build();
    }
}

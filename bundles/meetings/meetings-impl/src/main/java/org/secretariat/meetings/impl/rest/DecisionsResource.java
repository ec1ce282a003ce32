package org.secretariat.meetings.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
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
import org.secretariat.meetings.impl.service.Decisions;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Decisions and recommendations of a meeting, numbered per meeting in order of entry (1, 2, ...).
 * Marking one as established practice puts it in the register across meetings ({@code /api/meetings/practice}).
 */
@Component(service = DecisionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionsResource {

    private final Decisions decisions;

    @Activate
    public DecisionsResource(@Reference Decisions decisions) {
        this.decisions = decisions;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List a meeting's decisions and recommendations, by number")
    public List<Decisions.View> decisions(@PathParam("meetingId") long meetingId) {
        return decisions.list(meetingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Answers(status = 201, value = Decisions.View.class)
    @Summary("Record a decision or recommendation of a meeting; it gets the next number")
    public Response add(@PathParam("meetingId") long meetingId, Decisions.Input body) {
        return Response.status(201).entity(decisions.add(meetingId, body)).build();
    }

    @PUT
    @Path("{decisionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Change a decision or recommendation: text, theme, established practice")
    public Decisions.View update(@PathParam("meetingId") long meetingId, @PathParam("decisionId") long decisionId, Decisions.Input body) {
        return decisions.update(meetingId, decisionId, body);
    }
}

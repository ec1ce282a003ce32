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
import org.secretariat.meetings.impl.service.Actions;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Follow-up actions of a meeting (optionally of one of its decisions): owner, due date, status. */
@Component(service = ActionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionsResource {

    private final Actions actions;

    @Activate
    public ActionsResource(@Reference Actions actions) {
        this.actions = actions;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List a meeting's follow-up actions")
    public List<Actions.View> actions(@PathParam("meetingId") long meetingId) {
        return actions.list(meetingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Answers(status = 201, value = Actions.View.class)
    @Summary("Add a follow-up action to a meeting: owner, due date")
    public Response add(@PathParam("meetingId") long meetingId, Actions.Input body) {
        return Response.status(201).entity(actions.add(meetingId, body)).build();
    }

    @PUT
    @Path("{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Change a follow-up action, e.g. mark it done or cancelled")
    public Actions.View update(@PathParam("meetingId") long meetingId, @PathParam("actionId") long actionId, Actions.Input body) {
        return actions.update(meetingId, actionId, body);
    }
}

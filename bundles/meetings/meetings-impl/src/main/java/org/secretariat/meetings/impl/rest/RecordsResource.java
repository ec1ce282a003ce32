package org.secretariat.meetings.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.secretariat.meetings.impl.service.Records;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Summary records and minutes of a meeting or a session; every change keeps the text it replaced, who and when. */
@Component(service = RecordsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    private final Records records;

    @Activate
    public RecordsResource(@Reference Records records) {
        this.records = records;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List a meeting's summary records (minutes)")
    public List<Records.View> records(@PathParam("meetingId") long meetingId) {
        return records.list(meetingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Answers(status = 201, value = Records.View.class)
    @Summary("Write a summary record (minutes) of a meeting")
    public Response add(@PathParam("meetingId") long meetingId, Records.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(records.add(meetingId, body, security.getUserPrincipal().getName())).build();
    }

    @PUT
    @Path("{recordId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Change a summary record; the previous text is kept as a revision with who, when and a note")
    public Records.View update(@PathParam("meetingId") long meetingId, @PathParam("recordId") long recordId, Records.Input body,
            @Context SecurityContext security) {
        return records.update(meetingId, recordId, body, security.getUserPrincipal().getName());
    }

    /** Every revision of a record, newest first, with who changed it, when and why. */
    @GET
    @Path("{recordId}/revisions")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List the earlier texts of a summary record, with who changed them, when and why")
    public List<Records.Revision> revisions(@PathParam("meetingId") long meetingId, @PathParam("recordId") long recordId) {
        return records.revisions(meetingId, recordId);
    }
}

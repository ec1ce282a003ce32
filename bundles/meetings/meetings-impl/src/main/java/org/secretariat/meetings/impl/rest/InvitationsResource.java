package org.secretariat.meetings.impl.rest;

import java.net.URI;
import java.util.List;

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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.meetings.impl.registration.Invitations;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * A meeting's invitations to register through the public form: sending them (each recipient's
 * invitation recorded and its e-mail queued), the list with each one's link and how many registered
 * through it, and revoking one.
 */
@Component(service = InvitationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    private final Invitations invitations;

    @Activate
    public InvitationsResource(@Reference Invitations invitations) {
        this.invitations = invitations;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("List a meeting's invitations, newest first, with each one's link, e-mail and registrations")
    public List<Invitations.View> list(@PathParam("meetingId") long meetingId) {
        return invitations.list(meetingId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Answers(status = 201, value = Invitations.Sent.class)
    @Summary(value = "Invite recipients to register their delegation through the public form",
            description = "Records one invitation per recipient with its signed, expiring link and queues its e-mail in the same transaction; all or nothing")
    public Response send(@PathParam("meetingId") long meetingId, Invitations.Send body, @Context UriInfo uri, @Context SecurityContext security) {
        URI base = uri.getBaseUri();
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        String user = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return Response.status(201).entity(invitations.send(meetingId, body, origin, user)).build();
    }

    /** Revokes an invitation: its link answers 410 from now on; the invitation stays on the record. */
    @DELETE
    @Path("{invitationId}")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Summary("Revoke an invitation: its link is refused from now on (410)")
    public Invitations.View revoke(@PathParam("meetingId") long meetingId, @PathParam("invitationId") long invitationId) {
        return invitations.revoke(meetingId, invitationId);
    }
}

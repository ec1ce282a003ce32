package org.secretariat.meetings.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.meetings.impl.registration.InvitationGroups;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** The contacts module's groups that invitations can go to, for the staff page (the module may be absent). */
@Component(service = InvitationGroupsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/invitations/groups")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationGroupsResource {

    private final InvitationGroups groups;

    @Activate
    public InvitationGroupsResource(@Reference InvitationGroups groups) {
        this.groups = groups;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Summary("List the contacts module's groups invitations can be sent to, or say why there are none (contacts not installed)")
    public InvitationGroups.Offered groups() {
        return groups.offered();
    }
}

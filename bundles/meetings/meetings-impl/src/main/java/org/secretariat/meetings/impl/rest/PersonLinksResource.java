package org.secretariat.meetings.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.meetings.impl.people.PersonLinks;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Participants across meetings and the people of the contacts module: proposals to link, and linking by e-mail. */
@Component(service = PersonLinksResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/participants")
@Produces(MediaType.APPLICATION_JSON)
public class PersonLinksResource {

    private final PersonLinks links;

    @Activate
    public PersonLinksResource(@Reference PersonLinks links) {
        this.links = links;
    }

    @GET
    @Path("link-proposals")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary(value = "List unlinked participants who look like a person of the contacts module, with the reasons",
            description = "The same e-mail address, or the same name (accents, case, word order aside) and State; less the proposals turned down")
    public PersonLinks.Proposals proposals() {
        return links.proposals();
    }

    @POST
    @Path("links")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Summary("Link every unlinked participant whose e-mail address is exactly one person's in the contacts module")
    public PersonLinks.Relinked linkByEmail() {
        return links.linkByEmail();
    }
}

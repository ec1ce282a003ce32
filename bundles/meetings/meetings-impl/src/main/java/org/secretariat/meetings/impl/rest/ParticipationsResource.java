package org.secretariat.meetings.impl.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.api.MeetingParticipations;
import org.secretariat.meetings.impl.people.Participations;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** A person's participation history across meetings (the person of the contacts module). */
@Component(service = ParticipationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/participations")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipationsResource {

    private final Participations participations;

    @Activate
    public ParticipationsResource(@Reference Participations participations) {
        this.participations = participations;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("List the meetings a person of the contacts module took part in (person=id), the latest first: dates, delegation, role, function, status")
    public List<MeetingParticipations.Participation> participations(@QueryParam("person") String person) {
        if (person == null || !person.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("person", "person is required: the id of a person of the contacts module");
        }
        return participations.participations(Long.parseLong(person));
    }
}

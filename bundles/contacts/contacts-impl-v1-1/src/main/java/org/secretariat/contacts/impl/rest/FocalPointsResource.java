package org.secretariat.contacts.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.service.FocalPointDto;
import org.secretariat.contacts.impl.service.FocalPoints;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** National focal points: the people a state named, per theme; listed per state with {@code ?state=FR}. */
@Component(service = FocalPointsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/focal-points")
@Produces(MediaType.APPLICATION_JSON)
public class FocalPointsResource {

    private final FocalPoints focalPoints;

    @Activate
    public FocalPointsResource(@Reference FocalPoints focalPoints) {
        this.focalPoints = focalPoints;
    }

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("List the national focal points of a state, by thematic area")
    public List<FocalPointDto> focalPoints(@QueryParam("state") String iso2) {
        return focalPoints.ofState(QueryParams.state(iso2));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Answers(status = 201, value = FocalPointDto.class)
    @Summary("Name a person national focal point of a state, for the convention or one thematic area")
    public Response addFocalPoint(FocalPointDto body) {
        return Response.status(201).entity(focalPoints.add(body)).build();
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Remove a national focal point")
    public Response removeFocalPoint(@PathParam("id") long id) {
        focalPoints.remove(id);
        return Response.noContent().build();
    }
}

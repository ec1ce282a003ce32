package org.secretariat.contacts.impl.rest;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.secretariat.contacts.impl.domain.MandateKind;
import org.secretariat.contacts.impl.service.MandateDto;
import org.secretariat.contacts.impl.service.Mandates;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** The Presidency and the thematic Coordinators by period, queryable as of a date ({@code ?asOf=2021-06-01}). */
@Component(service = MandatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/mandates")
@Produces(MediaType.APPLICATION_JSON)
public class MandatesResource {

    private final Mandates mandates;

    @Activate
    public MandatesResource(@Reference Mandates mandates) {
        this.mandates = mandates;
    }

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("List the Presidency and Coordinator mandates, of a kind or held on a date")
    public Page<MandateDto> list(@QueryParam("kind") String kind, @QueryParam("asOf") String asOf,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, Set.of("startDate"), "startDate");
        MandateKind filter = QueryParams.choice("kind", kind, MandateKind.class, "kind must be PRESIDENCY or COORDINATOR");
        return mandates.list(filter, QueryParams.date("asOf", asOf), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Answers(status = 201, value = MandateDto.class)
    @Summary("Record a mandate: the Presidency (a state or a person) or a thematic Coordinator, for a period")
    public Response create(MandateDto body) {
        return Response.status(201).entity(mandates.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Change a mandate")
    public MandateDto update(@PathParam("id") long id, MandateDto body) {
        return mandates.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Delete a mandate")
    public Response delete(@PathParam("id") long id) {
        mandates.delete(id);
        return Response.noContent().build();
    }
}

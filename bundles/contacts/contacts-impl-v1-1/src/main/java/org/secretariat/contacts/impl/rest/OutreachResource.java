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
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.service.Outreach;
import org.secretariat.contacts.impl.service.OutreachDto;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * The universalization outreach log: interactions with a state, an organisation or a person (date, kind,
 * who, summary, next step).
 */
@Component(service = OutreachResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/outreach")
@Produces(MediaType.APPLICATION_JSON)
public class OutreachResource {

    private final Outreach outreach;

    @Activate
    public OutreachResource(@Reference Outreach outreach) {
        this.outreach = outreach;
    }

    /** Of a state ({@code ?state=FR}), an organisation ({@code ?organisation=5}), a person ({@code ?person=7}), or all, latest first. */
    @GET
    @RequiresPermission(ContactsPermissions.OUTREACH_READ)
    @Summary("List the outreach log of a state, an organisation, a person, or all, newest first")
    public Page<OutreachDto> outreach(@QueryParam("state") String iso2, @QueryParam("organisation") String organisation,
            @QueryParam("person") String person, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, Set.of("date"), "date");
        return outreach.list(iso2 == null || iso2.isBlank() ? null : iso2, QueryParams.id("organisation", organisation),
                QueryParams.id("person", person), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.OUTREACH_WRITE)
    @Answers(status = 201, value = OutreachDto.class)
    @Summary("Record an outreach contact with a state, an organisation or a person: date, kind, who took part, summary, next step")
    public Response record(OutreachDto body, @Context SecurityContext security) {
        return Response.status(201).entity(outreach.record(body, security.getUserPrincipal().getName())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.OUTREACH_WRITE)
    @Summary("Change an entry of the outreach log")
    public OutreachDto update(@PathParam("id") long id, OutreachDto body) {
        return outreach.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.OUTREACH_WRITE)
    @Summary("Delete an entry of the outreach log")
    public Response deleteOutreach(@PathParam("id") long id) {
        outreach.delete(id);
        return Response.noContent().build();
    }
}

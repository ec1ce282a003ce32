package org.secretariat.contacts.impl.rest;

import java.util.Arrays;

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
import org.secretariat.contacts.impl.domain.OrganisationType;
import org.secretariat.contacts.impl.service.OrganisationDto;
import org.secretariat.contacts.impl.service.Organisations;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Organisations: UN bodies, international organisations, NGOs, the host institution, donors, ministries. */
@Component(service = OrganisationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationsResource {

    private final Organisations organisations;

    @Activate
    public OrganisationsResource(@Reference Organisations organisations) {
        this.organisations = organisations;
    }

    @GET
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("List organisations, filtered by name, acronym or type")
    public Page<OrganisationDto> list(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, Organisations.SORTABLE, "name");
        OrganisationType kind = QueryParams.choice("type", type, OrganisationType.class,
                "type must be one of " + Arrays.toString(OrganisationType.values()));
        return organisations.list(kind, q, request);
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_READ)
    @Summary("Read an organisation")
    public OrganisationDto get(@PathParam("id") long id) {
        return organisations.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Answers(status = 201, value = OrganisationDto.class)
    @Summary("Create an organisation (UN body, NGO, ministry, mission, donor, ...)")
    public Response create(OrganisationDto body) {
        return Response.status(201).entity(organisations.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Change an organisation")
    public OrganisationDto update(@PathParam("id") long id, OrganisationDto body) {
        return organisations.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ContactsPermissions.CONTACT_WRITE)
    @Summary("Delete an organisation")
    public Response delete(@PathParam("id") long id) {
        organisations.delete(id);
        return Response.noContent().build();
    }
}

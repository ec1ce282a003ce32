package org.secretariat.expertise.impl.rest;

import java.util.List;

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
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.expertise.impl.service.Offers;

/** What States and organisations can provide. */
@Component(service = OffersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("expertise/offers")
@Produces(MediaType.APPLICATION_JSON)
public class OffersResource {

    private final Offers offers;

    @Activate
    public OffersResource(@Reference Offers offers) {
        this.offers = offers;
    }

    @GET
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("List the offers of expertise, public or not, by theme")
    public List<Offers.View> list(@QueryParam("theme") String theme) {
        return offers.list(ExpertsResource.blank(theme));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Answers(status = 201, value = Offers.View.class)
    @Summary("Record what a State or an organisation can provide, public or not")
    public Response create(Offers.Input body) {
        return Response.status(201).entity(offers.create(body)).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("Read an offer of expertise")
    public Offers.View get(@PathParam("id") long id) {
        return offers.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Summary("Change an offer of expertise")
    public Offers.View update(@PathParam("id") long id, Offers.Input body) {
        return offers.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Answers(status = 204, value = Void.class)
    @Summary("Delete an offer of expertise")
    public Response delete(@PathParam("id") long id) {
        offers.delete(id);
        return Response.noContent().build();
    }
}

package org.secretariat.expertise.impl.rest;

import javax.ws.rs.Consumes;
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
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.expertise.impl.service.Requests;
import org.secretariat.platform.api.rest.Input;

/** States' requests for expertise, their workflow and their ranked candidates. */
@Component(service = RequestsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("expertise/requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

    private final Requests requests;

    @Activate
    public RequestsResource(@Reference Requests requests) {
        this.requests = requests;
    }

    @GET
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("List requests for expertise, filtered by status, theme or the year received")
    public Page<Requests.View> list(@QueryParam("status") String status, @QueryParam("theme") String theme, @QueryParam("year") String year,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, Requests.SORTABLE, "receivedOn");
        return requests.list(ExpertsResource.blank(status), ExpertsResource.blank(theme), Input.wholeNumber("year", ExpertsResource.blank(year), 2000),
                request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Answers(status = 201, value = Requests.View.class)
    @Summary("Record a State's request for expertise: theme, language, region, kind of help, description, deadline")
    public Response create(Requests.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(requests.create(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("Read a request with its workflow's dates and notes")
    public Requests.View get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Summary("Change what a request asks for (its status moves through steps)")
    public Requests.View update(@PathParam("id") long id, Requests.Input body) {
        return requests.update(id, body);
    }

    @POST
    @Path("{id}/steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.WRITE)
    @Summary("Move a request on: MATCHED (with the expert), CONTACTED, DELIVERED, EVALUATED, or back to RECEIVED; 409 out of order")
    public Requests.View step(@PathParam("id") long id, Requests.Step body, @Context SecurityContext security) {
        return requests.step(id, body, security.getUserPrincipal().getName());
    }

    @GET
    @Path("{id}/matches")
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("The candidates for a request, ranked with their score and reasons")
    public Requests.Matches matches(@PathParam("id") long id) {
        return requests.matches(id);
    }
}

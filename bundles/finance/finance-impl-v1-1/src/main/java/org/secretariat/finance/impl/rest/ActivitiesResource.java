package org.secretariat.finance.impl.rest;

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
import org.secretariat.finance.impl.service.Activities;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** The work plan: activities of a fiscal year under the lines of its budget. */
@Component(service = ActivitiesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    private final Activities activities;

    @Activate
    public ActivitiesResource(@Reference Activities activities) {
        this.activities = activities;
    }

    @GET
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("List a fiscal year's work plan activities by budget line and code")
    public List<Activities.View> list(@QueryParam("year") String year) {
        return activities.list(Params.year("year", year, true));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Answers(status = 201, value = Activities.View.class)
    @Summary("Add an activity to the work plan: code, budget line, planned amount, period")
    public Response create(Activities.Input body) {
        return Response.status(201).entity(activities.create(body)).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("Read a work plan activity")
    public Activities.View get(@PathParam("id") long id) {
        return activities.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Summary("Change a work plan activity")
    public Activities.View update(@PathParam("id") long id, Activities.Input body) {
        return activities.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Answers(status = 204, value = Void.class)
    @Summary("Delete a work plan activity")
    public Response delete(@PathParam("id") long id) {
        activities.delete(id);
        return Response.noContent().build();
    }
}

package org.secretariat.finance.impl.rest;

import java.util.List;

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
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.finance.impl.service.Budgets;

/** Budgets by year and line: drafted, proposed, approved by the Director. */
@Component(service = BudgetsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/budgets")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetsResource {

    private final Budgets budgets;

    @Activate
    public BudgetsResource(@Reference Budgets budgets) {
        this.budgets = budgets;
    }

    @GET
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    public List<Budgets.View> list(@QueryParam("year") String year) {
        return budgets.list(Params.year("year", year, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    public Response create(Budgets.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(budgets.create(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    public Budgets.View get(@PathParam("id") long id) {
        return budgets.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    public Budgets.View update(@PathParam("id") long id, Budgets.Input body) {
        return budgets.update(id, body);
    }

    @POST
    @Path("{id}/propose")
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    public Budgets.View propose(@PathParam("id") long id) {
        return budgets.propose(id);
    }

    @POST
    @Path("{id}/approve")
    @RequiresPermission(FinancePermissions.BUDGET_APPROVE)
    public Budgets.View approve(@PathParam("id") long id, @Context SecurityContext security) {
        return budgets.approve(id, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/states-parties-approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    public Budgets.View statesPartiesApproval(@PathParam("id") long id, Budgets.StatesPartiesInput body) {
        return budgets.recordStatesPartiesApproval(id, body);
    }
}

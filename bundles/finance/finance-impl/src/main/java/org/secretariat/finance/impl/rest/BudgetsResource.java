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
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.finance.impl.service.Budgets;
import org.secretariat.finance.impl.service.Commitments;

/** Budgets by year and line: drafted, proposed, approved by the Director. */
@Component(service = BudgetsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/budgets")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetsResource {

    private final Budgets budgets;
    private final Commitments commitments;

    @Activate
    public BudgetsResource(@Reference Budgets budgets, @Reference Commitments commitments) {
        this.budgets = budgets;
        this.commitments = commitments;
    }

    @GET
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("List budgets and their revisions, newest first, optionally of one year")
    public List<Budgets.View> list(@QueryParam("year") String year) {
        return budgets.list(Params.year("year", year, false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Answers(status = 201, value = Budgets.View.class)
    @Summary("Create a draft budget: the fiscal year's next revision, with its lines")
    public Response create(Budgets.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(budgets.create(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("Read a budget with its lines and approvals")
    public Budgets.View get(@PathParam("id") long id) {
        return budgets.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Summary("Change a budget's title and lines while it is a draft")
    public Budgets.View update(@PathParam("id") long id, Budgets.Input body) {
        return budgets.update(id, body);
    }

    @POST
    @Path("{id}/propose")
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Summary("Propose a draft budget for approval")
    public Budgets.View propose(@PathParam("id") long id) {
        return budgets.propose(id);
    }

    @POST
    @Path("{id}/approve")
    @RequiresPermission(FinancePermissions.BUDGET_APPROVE)
    @Summary("Approve a proposed budget (the Director)")
    public Budgets.View approve(@PathParam("id") long id, @Context SecurityContext security) {
        return budgets.approve(id, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/states-parties-approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Summary("Record the States Parties' approval of a budget: date, reference, meeting and decision")
    public Budgets.View statesPartiesApproval(@PathParam("id") long id, Budgets.StatesPartiesInput body) {
        return budgets.recordStatesPartiesApproval(id, body);
    }

    @GET
    @Path("{id}/lines")
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("A budget's lines with their budget, actual, committed and available amounts")
    public List<Commitments.LineFigures> lines(@PathParam("id") long id) {
        return commitments.lines(id);
    }
}

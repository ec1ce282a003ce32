package org.secretariat.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.finance.impl.service.BudgetExecution;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Transfers between the lines of an approved budget revision: requested by staff, large ones approved or rejected by the Director. */
@Component(service = TransfersResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/budgets/{budgetId}/transfers")
@Produces(MediaType.APPLICATION_JSON)
public class TransfersResource {

    private final BudgetExecution execution;

    @Activate
    public TransfersResource(@Reference BudgetExecution execution) {
        this.execution = execution;
    }

    @GET
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("List a budget's transfers between lines, newest first")
    public List<BudgetExecution.TransferView> transfers(@PathParam("budgetId") long budgetId) {
        return execution.transfers(budgetId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Answers(status = 201, value = BudgetExecution.TransferView.class)
    @Summary("Request a transfer between two lines of a budget (applied at once, or pending the Director's approval)")
    public Response transfer(@PathParam("budgetId") long budgetId, BudgetExecution.TransferInput body, @Context SecurityContext security) {
        return Response.status(201).entity(execution.transfer(budgetId, body, security.getUserPrincipal().getName())).build();
    }

    @POST
    @Path("{transferId}/approve")
    @RequiresPermission(FinancePermissions.BUDGET_APPROVE)
    @Summary("Approve a pending transfer between budget lines (the Director)")
    public BudgetExecution.TransferView approve(@PathParam("budgetId") long budgetId, @PathParam("transferId") long transferId,
            @Context SecurityContext security) {
        return execution.approve(budgetId, transferId, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{transferId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_APPROVE)
    @Summary("Reject a pending transfer between budget lines, with a reason (the Director)")
    public BudgetExecution.TransferView reject(@PathParam("budgetId") long budgetId, @PathParam("transferId") long transferId,
            BudgetExecution.Rejection body, @Context SecurityContext security) {
        return execution.reject(budgetId, transferId, body, security.getUserPrincipal().getName());
    }
}

package org.secretariat.finance.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.finance.impl.service.BudgetExecution;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** A budget revision's execution: budget against actual, per line and in total. */
@Component(service = ActualsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/budgets/{budgetId}/actuals")
@Produces(MediaType.APPLICATION_JSON)
public class ActualsResource {

    private final BudgetExecution execution;

    @Activate
    public ActualsResource(@Reference BudgetExecution execution) {
        this.execution = execution;
    }

    @GET
    @RequiresPermission(FinancePermissions.EXPENDITURE_READ)
    @Summary("Compare a budget with actual expenditure: per line approved, transfers, actual, variance")
    public BudgetExecution.Execution actuals(@PathParam("budgetId") long budgetId) {
        return execution.execution(budgetId);
    }
}

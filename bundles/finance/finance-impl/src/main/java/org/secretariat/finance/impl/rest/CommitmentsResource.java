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
import org.secretariat.finance.api.commitments.Commitment;
import org.secretariat.finance.impl.service.Commitments;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Commitments on budget lines (finance 1.2): made by other modules through BudgetCommitments, or by the staff. */
@Component(service = CommitmentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentsResource {

    private final Commitments commitments;

    @Activate
    public CommitmentsResource(@Reference Commitments commitments) {
        this.commitments = commitments;
    }

    @GET
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("List a fiscal year's commitments (the current one unless given), on one line or all, open ones first")
    public List<Commitment> list(@QueryParam("year") String year, @QueryParam("line") String line) {
        return commitments.list(Params.year("year", year, false), line);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Answers(status = 201, value = Commitment.class)
    @Summary("Commit an amount on a line of the fiscal year's approved budget (409 beyond what the line has available)")
    public Response create(Commitments.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(commitments.commit(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(FinancePermissions.BUDGET_READ)
    @Summary("Read a commitment")
    public Commitment get(@PathParam("id") long id) {
        return commitments.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Summary("Change an open commitment's amount")
    public Commitment change(@PathParam("id") long id, Commitments.Change body, @Context SecurityContext security) {
        return commitments.change(id, body, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.BUDGET_WRITE)
    @Summary("Release an open commitment, giving the part that was spent (none: cancelled)")
    public Commitment release(@PathParam("id") long id, Commitments.Change body, @Context SecurityContext security) {
        return commitments.release(id, body, security.getUserPrincipal().getName());
    }
}

package org.secretariat.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.secretariat.finance.impl.service.Contributions;

/** Contributions (assessed, voluntary, earmarked), receipts, each state's status for a year and the arrears by age. */
@Component(service = ContributionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/contributions")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionsResource {

    private final Contributions contributions;

    @Activate
    public ContributionsResource(@Reference Contributions contributions) {
        this.contributions = contributions;
    }

    @GET
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("List contributions with what is received and outstanding, by year or state")
    public List<Contributions.View> list(@QueryParam("year") String year, @QueryParam("state") String state) {
        return contributions.list(Params.year("year", year, false), state);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Answers(status = 201, value = Contributions.View.class)
    @Summary("Record a pledged voluntary or earmarked contribution of a state or donor")
    public Response pledge(Contributions.Input body) {
        return Response.status(201).entity(contributions.pledge(body)).build();
    }

    @POST
    @Path("{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Answers(status = 201, value = Contributions.View.class)
    @Summary("Record a payment received against a contribution; answers the contribution")
    public Response receive(@PathParam("id") long id, Contributions.ReceiptInput body, @Context SecurityContext security) {
        return Response.status(201).entity(contributions.receive(id, body, security.getUserPrincipal().getName())).build();
    }

    /** A state's payment not recorded against a contribution: applied oldest first. */
    @POST
    @Path("receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Answers(status = 201, value = Contributions.StateReceipt.class)
    @Summary("Record a state's payment, applied to its oldest outstanding contributions first")
    public Response receiveFromState(Contributions.StateReceiptInput body, @Context SecurityContext security) {
        return Response.status(201).entity(contributions.receiveFromState(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("status")
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("Read the status of contributions of a year: per state assessed, received, outstanding")
    public Contributions.Status status(@QueryParam("year") String year) {
        return contributions.status(Params.year("year", year, true));
    }

    @GET
    @Path("arrears")
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("Read each state's arrears as of a year, by age (current, one, two, three years or more)")
    public Contributions.Arrears arrears(@QueryParam("asOf") String asOf) {
        return contributions.arrears(Params.year("asOf", asOf, false));
    }
}

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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.finance.impl.service.PaymentPlans;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Payment plans for states' arrears, and their instalments' status. */
@Component(service = PaymentPlansResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/payment-plans")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentPlansResource {

    private final PaymentPlans plans;

    @Activate
    public PaymentPlansResource(@Reference PaymentPlans plans) {
        this.plans = plans;
    }

    @GET
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("List payment plans of states in arrears, optionally of one state or only those with a late instalment")
    public List<PaymentPlans.View> list(@QueryParam("state") String state, @QueryParam("overdue") String overdue) {
        return plans.list(state, Input.flag("overdue", overdue));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Answers(status = 201, value = PaymentPlans.View.class)
    @Summary("Agree a payment plan with a state in arrears: amount and instalments")
    public Response create(PaymentPlans.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(plans.create(body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("Read a payment plan with its instalments and what is paid")
    public PaymentPlans.View get(@PathParam("id") long id) {
        return plans.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Summary("Change a payment plan")
    public PaymentPlans.View update(@PathParam("id") long id, PaymentPlans.Input body) {
        return plans.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(FinancePermissions.CONTRIBUTION_WRITE)
    @Summary("Delete a payment plan")
    public Response delete(@PathParam("id") long id) {
        plans.delete(id);
        return Response.noContent().build();
    }
}

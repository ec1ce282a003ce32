package org.secretariat.expertise.impl.rest;

import java.time.LocalDate;
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
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.expertise.impl.service.ContractChanges;
import org.secretariat.expertise.impl.service.Contracts;
import org.secretariat.expertise.impl.service.PublicAddress;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Consultants' contracts, their deliverables and the consultant's account. */
@Component(service = ContractsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("expertise/contracts")
@Produces(MediaType.APPLICATION_JSON)
public class ContractsResource {

    /** The day a deliverable was accepted; today when absent. */
    public record Acceptance(LocalDate acceptedOn) {
    }

    private final Contracts contracts;
    private final ContractChanges changes;
    private final PublicAddress publicAddress;

    @Activate
    public ContractsResource(@Reference Contracts contracts, @Reference ContractChanges changes, @Reference PublicAddress publicAddress) {
        this.contracts = contracts;
        this.changes = changes;
        this.publicAddress = publicAddress;
    }

    @GET
    @RequiresPermission(ExpertisePermissions.CONTRACT_READ)
    @Summary("List consultants' contracts, newest first; only those running on a day with runningOn")
    public List<Contracts.View> list(@QueryParam("runningOn") String runningOn) {
        return contracts.list(day("runningOn", runningOn));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.CONTRACT_WRITE)
    @Answers(status = 201, value = Contracts.View.class)
    @Summary("Make a consultant's contract (terms, period, fee, deliverables); account=true opens a CONSULTANT account until its end")
    public Response create(Contracts.Input body, @Context SecurityContext security, @Context UriInfo uri) {
        return Response.status(201).entity(contracts.create(body, security.getUserPrincipal().getName(), address(uri))).build();
    }

    @GET
    @Path("deliverables")
    @RequiresPermission(ExpertisePermissions.CONTRACT_READ)
    @Summary("The deliverables not yet accepted that are due within a number of days (30 unless given), overdue ones first")
    public List<Contracts.Due> due(@QueryParam("withinDays") String withinDays) {
        Integer days = org.secretariat.platform.api.rest.Input.wholeNumber("withinDays", ExpertsResource.blank(withinDays), 0);
        return contracts.due(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days == null ? 30 : Math.min(days, 3660)));
    }

    @GET
    @Path("{id}")
    @RequiresPermission(ExpertisePermissions.CONTRACT_READ)
    @Summary("Read a contract with its deliverables and the consultant's account")
    public Contracts.View get(@PathParam("id") long id) {
        return contracts.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.CONTRACT_WRITE)
    @Summary("Change a contract; a new end date moves the end of the consultant's access")
    public Contracts.View update(@PathParam("id") long id, Contracts.Input body, @Context SecurityContext security) {
        return contracts.update(id, body, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/deliverables/{deliverableId}/acceptance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.CONTRACT_WRITE)
    @Summary("Accept a deliverable of a contract")
    public Contracts.View accept(@PathParam("id") long id, @PathParam("deliverableId") long deliverableId, Acceptance body,
            @Context SecurityContext security) {
        return contracts.accept(id, deliverableId, body == null ? null : body.acceptedOn(), security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/commitment")
    @RequiresPermission(ExpertisePermissions.CONTRACT_WRITE)
    @Summary("Commit the contract's fee on its budget line in the finance module (a contract made while finance was absent)")
    public Contracts.View commit(@PathParam("id") long id, @Context SecurityContext security) {
        return changes.commit(id, security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}/commitment")
    @RequiresPermission(ExpertisePermissions.CONTRACT_WRITE)
    @Summary("Withdraw the fee's commitment in the finance module (released, nothing spent), e.g. to move it to another line")
    public Contracts.View withdrawCommitment(@PathParam("id") long id, @Context SecurityContext security) {
        return changes.withdrawCommitment(id, security.getUserPrincipal().getName());
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ExpertisePermissions.CONTRACT_WRITE)
    @Summary("Cancel a contract: its fee's commitment is released and the consultant's access ends that day")
    public Contracts.View cancel(@PathParam("id") long id, ContractChanges.Cancellation body, @Context SecurityContext security) {
        return changes.cancel(id, body, security.getUserPrincipal().getName());
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be a date such as 2026-06-30");
        }
    }

    /** The platform's address for the consultant's e-mail: the configured publicUrl, else the address the caller reached it at. */
    private String address(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        int api = base.indexOf("/api");
        return publicAddress.or(api < 0 ? base : base.substring(0, api)) + "/app/";
    }
}

package org.secretariat.sponsorship.impl.rest;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.sponsorship.impl.service.Programmes;
import org.secretariat.sponsorship.impl.service.Selection;

/** Programmes per meeting, their eligible states, and the selection: the proposal and the Director's approval. */
@Component(service = ProgrammesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("sponsorship/programmes")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammesResource {

    private final Programmes programmes;
    private final Selection selection;

    @Activate
    public ProgrammesResource(@Reference Programmes programmes, @Reference Selection selection) {
        this.programmes = programmes;
        this.selection = selection;
    }

    @GET
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List the programmes, latest meeting first (readOnly while the meetings module is not installed)")
    public List<Programmes.View> list() {
        return programmes.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Answers(status = 201, value = Programmes.View.class)
    @Summary("Set up a meeting's programme: fund, deadline, places, eligibility rules and priority weights (409 without the meetings module)")
    public Response create(Programmes.Input body) {
        return Response.status(201).entity(programmes.create(body)).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Read a programme with its meeting, nights and the venue city's DSA rate")
    public Programmes.View get(@PathParam("id") long id) {
        return programmes.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Change a programme's rules before its selection is approved (409 without the meetings module)")
    public Programmes.View update(@PathParam("id") long id, Programmes.Input body) {
        return programmes.update(id, body);
    }

    @GET
    @Path("{id}/eligible-states")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List a programme's eligible states with their regions (none: every state its statuses allow)")
    public List<Programmes.EligibleStateView> eligibleStates(@PathParam("id") long id) {
        return programmes.eligibleStates(id);
    }

    @PUT
    @Path("{id}/eligible-states")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Replace a programme's eligible states from CSV (stateIso2,region): all lines or none")
    public List<Programmes.EligibleStateView> importEligibleStates(@PathParam("id") long id, InputStream body) {
        return programmes.importEligibleStates(id, Uploads.text(body, "a list of eligible states"));
    }

    @GET
    @Path("{id}/proposal")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Draft the selection: submitted applications ranked by points and funded in order while the fund's balance covers the next")
    public Selection.View proposal(@PathParam("id") long id) {
        return selection.proposal(id);
    }

    @POST
    @Path("{id}/proposal/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.APPROVE)
    @Summary("Approve the selection (the Director): the funded applications are offered and their amounts committed")
    public Selection.View approve(@PathParam("id") long id, Selection.Approval body, @Context SecurityContext security) {
        return selection.approve(id, body, security.getUserPrincipal().getName());
    }
}

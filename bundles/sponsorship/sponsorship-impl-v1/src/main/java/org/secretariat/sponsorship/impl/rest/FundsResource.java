package org.secretariat.sponsorship.impl.rest;

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
import org.secretariat.sponsorship.impl.service.DonorReports;
import org.secretariat.sponsorship.impl.service.Funds;

/** Donors' funds, the money received for them, and their balance. */
@Component(service = FundsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("sponsorship/funds")
@Produces(MediaType.APPLICATION_JSON)
public class FundsResource {

    private final Funds funds;
    private final DonorReports reports;

    @Activate
    public FundsResource(@Reference Funds funds, @Reference DonorReports reports) {
        this.funds = funds;
        this.reports = reports;
    }

    @GET
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List the funds with their balance (received − committed − spent)")
    public List<Funds.View> list() {
        return funds.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Answers(status = 201, value = Funds.View.class)
    @Summary("Record a donor's fund: donor, currency, amount pledged, earmarking by meeting type, year or region")
    public Response create(Funds.Input body) {
        return Response.status(201).entity(funds.create(body)).build();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Read a fund with its balance")
    public Funds.View get(@PathParam("id") long id) {
        return funds.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Change a fund (with the version read)")
    public Funds.View update(@PathParam("id") long id, Funds.Input body) {
        return funds.update(id, body);
    }

    @GET
    @Path("{id}/receipts")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List the money received for a fund, by date")
    public List<Funds.ReceiptView> receipts(@PathParam("id") long id) {
        return funds.receipts(id);
    }

    @POST
    @Path("{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Answers(status = 201, value = Funds.ReceiptView.class)
    @Summary("Record money received for a fund (a negative amount corrects)")
    public Response receive(@PathParam("id") long id, Funds.ReceiptInput body, @Context SecurityContext security) {
        return Response.status(201).entity(funds.receive(id, body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @Path("{id}/report.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Draft the donor report of a fund as PDF: its balance, the awards by state, region and gender, their costs")
    public Response reportPdf(@PathParam("id") long id) {
        return Response.ok(ReportDocuments.pdf(reports.report(id)), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"donor-report-" + id + ".pdf\"").build();
    }

    @GET
    @Path("{id}/report.csv")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Draft the donor report of a fund as CSV: the balance, one line per award, totals by state, region and gender")
    public Response reportCsv(@PathParam("id") long id) {
        return Response.ok(ReportDocuments.csv(reports.report(id)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"donor-report-" + id + ".csv\"").build();
    }
}

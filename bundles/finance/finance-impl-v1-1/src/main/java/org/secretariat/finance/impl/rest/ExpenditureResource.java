package org.secretariat.finance.impl.rest;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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
import org.secretariat.finance.impl.service.Expenditures;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Expenditure by fiscal year and budget line: entered by hand, or imported from the host institution's ledger with a dry run. */
@Component(service = ExpenditureResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/expenditure")
@Produces(MediaType.APPLICATION_JSON)
public class ExpenditureResource {

    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final Expenditures expenditures;

    @Activate
    public ExpenditureResource(@Reference Expenditures expenditures) {
        this.expenditures = expenditures;
    }

    @GET
    @RequiresPermission(FinancePermissions.EXPENDITURE_READ)
    @Summary("List a fiscal year's expenditure entries by date, optionally of one budget line")
    public List<Expenditures.View> list(@QueryParam("year") String year, @QueryParam("line") String line) {
        return expenditures.list(Params.year("year", year, true), line);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.EXPENDITURE_WRITE)
    @Answers(status = 201, value = Expenditures.View.class)
    @Summary("Record an expenditure entry against a budget line (optionally an activity and an earmarked fund)")
    public Response record(Expenditures.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(expenditures.record(body, security.getUserPrincipal().getName())).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(FinancePermissions.EXPENDITURE_WRITE)
    @Answers(Expenditures.ImportReport.class)
    @Summary("Import expenditure from the host's ledger extract (CSV), duplicates skipped: all lines or none; dryRun=true only checks")
    public Response importLedger(InputStream stream, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        Expenditures.ImportReport report = expenditures.importLedger(Params.text(stream, MAX_BYTES, "a ledger extract"), Params.dryRun(dryRun),
                security.getUserPrincipal().getName());
        return ImportRefusal.answer(report, report.errors().size());
    }
}

package org.secretariat.finance.impl.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.finance.impl.service.AnnualReports;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** The annual financial report of a year, as JSON, CSV or PDF ({@code format}). */
@Component(service = ReportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/reports")
public class ReportsResource {

    private final AnnualReports reports;

    @Activate
    public ReportsResource(@Reference AnnualReports reports) {
        this.reports = reports;
    }

    @GET
    @Path("annual")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @RequiresPermission(FinancePermissions.REPORT_READ)
    @Summary("Read the annual financial report of a year as JSON, CSV or PDF")
    public Response annual(@QueryParam("year") String year, @QueryParam("format") String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!chosen.equals("json") && !chosen.equals("csv") && !chosen.equals("pdf")) {
            throw ApiException.badRequest("format", "format must be json, csv or pdf");
        }
        AnnualReports.Report report = reports.annual(Params.year("year", year, true));
        String file = "financial-report-" + report.year() + "." + chosen;
        return switch (chosen) {
            case "csv" -> Response.ok(ReportDocuments.csv(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
            case "pdf" -> Response.ok(ReportDocuments.pdf(report), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }
}

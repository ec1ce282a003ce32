package org.secretariat.finance.impl.rest;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.finance.impl.service.Scales;

/**
 * Scales of assessment: the rates of a year, the import of a table ({@code state,rate} lines) for a
 * period with a dry run, and manual rates.
 */
@Component(service = ScalesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/scales")
@Produces(MediaType.APPLICATION_JSON)
public class ScalesResource {

    private static final int MAX_BYTES = 1024 * 1024;

    private final Scales scales;

    @Activate
    public ScalesResource(@Reference Scales scales) {
        this.scales = scales;
    }

    @GET
    @Path("rates")
    @RequiresPermission(FinancePermissions.SCALE_READ)
    @Summary("List the scale of assessment's rates that apply in a year")
    public List<Scales.RateView> rates(@QueryParam("year") String year) {
        return scales.rates(Params.year("year", year, true));
    }

    @POST
    @Path("rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.SCALE_WRITE)
    @Summary("Set a state's rate by hand for a period, with a note")
    public Scales.RateView manual(Scales.ManualRate body) {
        return scales.manual(body);
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(FinancePermissions.SCALE_WRITE)
    @Summary("Import a scale of assessment (CSV) for a period of years: all rows or none; dryRun=true only checks")
    public Response importCsv(InputStream stream, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("dryRun") String dryRun) {
        Scales.ImportReport report = scales.importCsv(Params.year("from", from, true), Params.year("to", to, true), Params.text(stream, MAX_BYTES, "a scale"),
                Params.dryRun(dryRun));
        return ImportRefusal.answer(report, report.errors().size());
    }
}

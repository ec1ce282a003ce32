package org.secretariat.sponsorship.impl.rest;

import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.sponsorship.impl.service.DsaRates;

/** Daily subsistence allowance rates by city and date. */
@Component(service = DsaRatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("sponsorship/dsa-rates")
@Produces(MediaType.APPLICATION_JSON)
public class DsaRatesResource {

    private final DsaRates rates;

    @Activate
    public DsaRatesResource(@Reference DsaRates rates) {
        this.rates = rates;
    }

    @GET
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List the DSA rates, of one city or all, by city and date")
    public List<DsaRates.View> list(@QueryParam("city") String city) {
        return rates.list(city == null || city.isBlank() ? null : city);
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Import DSA rates from CSV (city,validFrom,currency,rate): all lines or none")
    public DsaRates.Imported importCsv(InputStream body) {
        return rates.importCsv(Uploads.text(body, "a file of DSA rates"));
    }
}

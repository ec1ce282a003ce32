package org.secretariat.finance.impl.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.finance.api.ContributionTable;
import org.secretariat.finance.api.PublishedContributions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;

/**
 * The published status of contributions, for anyone, without logging in: read through the module's
 * published API ({@link PublishedContributions}), which offers only what the Director published.
 */
@Component(service = PublicContributionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/public/contributions")
@Produces(MediaType.APPLICATION_JSON)
public class PublicContributionsResource {

    private final PublishedContributions published;

    @Activate
    public PublicContributionsResource(@Reference PublishedContributions published) {
        this.published = published;
    }

    @GET
    @PermitAll
    @Summary("Read the published status of contributions of a year (public)")
    public ContributionTable table(@QueryParam("year") String year) {
        int y = Params.year("year", year, true);
        return published.published(y).orElseThrow(() -> ApiException.notFound("No status of contributions is published for " + y));
    }

    @GET
    @Path("years")
    @PermitAll
    @Summary("List the years whose status of contributions is published (public)")
    public List<Integer> years() {
        return published.publishedYears();
    }
}

package org.secretariat.expertise.impl.rest;

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
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.expertise.impl.service.Statistics;
import org.secretariat.platform.api.rest.Input;

/** The year's figures for the annual report. */
@Component(service = StatisticsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("expertise/statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final Statistics statistics;

    @Activate
    public StatisticsResource(@Reference Statistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @RequiresPermission(ExpertisePermissions.READ)
    @Summary("A year's requests by theme and region and the days they took to be answered (mean, median, longest)")
    public Statistics.Year year(@QueryParam("year") String year) {
        return statistics.of(Input.wholeNumber("year", ExpertsResource.blank(year), 2000));
    }
}

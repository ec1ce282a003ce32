package org.secretariat.finance.impl.rest;

import java.util.List;

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
import org.secretariat.finance.api.ContributionTable;
import org.secretariat.finance.impl.service.ContributionPublications;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** Publishing a year's status of contributions (the Director), and the published tables as staff see them. */
@Component(service = ContributionPublicationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/publications")
@Produces(MediaType.APPLICATION_JSON)
public class ContributionPublicationsResource {

    private final ContributionPublications publications;

    @Activate
    public ContributionPublicationsResource(@Reference ContributionPublications publications) {
        this.publications = publications;
    }

    @GET
    @RequiresPermission(FinancePermissions.CONTRIBUTION_READ)
    @Summary("List every published status of contributions, newest year first")
    public List<ContributionTable> list() {
        return publications.all();
    }

    @POST
    @RequiresPermission(FinancePermissions.CONTRIBUTION_PUBLISH)
    @Answers(status = 201, value = ContributionTable.class)
    @Summary("Publish the status of contributions of a year as of a date (it becomes public; the Director)")
    public Response publish(@QueryParam("year") String year, @QueryParam("asOf") String asOf, @Context SecurityContext security) {
        return Response.status(201).entity(publications.publish(Params.year("year", year, true), Params.date("asOf", asOf),
                security.getUserPrincipal().getName())).build();
    }
}

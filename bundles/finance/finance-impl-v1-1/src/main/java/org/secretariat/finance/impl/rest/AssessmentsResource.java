package org.secretariat.finance.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.finance.impl.service.Assessments;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.security.AuthenticatedUser;
import org.secretariat.platform.api.security.Authorization;

/**
 * Assessments: {@code POST ?dryRun=true} answers the shares (finance.assessment.write); without it the
 * assessment is saved, which takes finance.assessment.save as well (the Director).
 */
@Component(service = AssessmentsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("finance/assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentsResource {

    private final Assessments assessments;
    private final Authorization authorization;

    @Activate
    public AssessmentsResource(@Reference Assessments assessments, @Reference Authorization authorization) {
        this.assessments = assessments;
        this.authorization = authorization;
    }

    @GET
    @RequiresPermission(FinancePermissions.ASSESSMENT_READ)
    @Summary("List the saved assessments of contributions")
    public List<Assessments.Summary> list() {
        return assessments.list();
    }

    @GET
    @Path("{id}")
    @RequiresPermission(FinancePermissions.ASSESSMENT_READ)
    @Summary("Read a saved assessment with each state's share")
    public Assessments.Result get(@PathParam("id") long id) {
        return assessments.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(FinancePermissions.ASSESSMENT_WRITE)
    @Summary("Assess the states' contributions to a budget with a cost-sharing formula: dryRun=true computes only, else saves (the Director)")
    public Response assess(Assessments.Input body, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        if (Params.dryRun(dryRun)) {
            return Response.ok(assessments.dryRun(body)).build();
        }
        if (!(security.getUserPrincipal() instanceof AuthenticatedUser)
                || !authorization.isPermitted((AuthenticatedUser) security.getUserPrincipal(), FinancePermissions.ASSESSMENT_SAVE)) {
            throw new ApiException(403, "saving an assessment takes the permission " + FinancePermissions.ASSESSMENT_SAVE
                    + " (the Director); ask for a dry run with ?dryRun=true", null);
        }
        return Response.status(201).entity(assessments.save(body, security.getUserPrincipal().getName())).build();
    }
}

package org.secretariat.sponsorship.impl.rest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;
import org.secretariat.sponsorship.impl.domain.ApplicationStatus;
import org.secretariat.sponsorship.impl.domain.Gender;
import org.secretariat.sponsorship.impl.service.Applications;
import org.secretariat.sponsorship.impl.service.Awards;
import org.secretariat.sponsorship.impl.service.Letters;

/** A programme's applications: nominations, decisions with reasons, staff adjustments, attendance, nomination letters. */
@Component(service = ApplicationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@javax.ws.rs.Path("sponsorship/programmes/{programmeId}/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationsResource {

    private final Applications applications;
    private final Awards awards;
    private final Letters letters;

    @Activate
    public ApplicationsResource(@Reference Applications applications, @Reference Awards awards, @Reference Letters letters) {
        this.applications = applications;
        this.awards = awards;
        this.letters = letters;
    }

    @GET
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List a programme's applications with their points and costs, by submission; filters status, stateIso2, region, gender")
    public List<Applications.View> list(@PathParam("programmeId") long programmeId, @QueryParam("status") String status,
            @QueryParam("stateIso2") String stateIso2, @QueryParam("region") String region, @QueryParam("gender") String gender) {
        return applications.list(programmeId, new Applications.Filter(value(ApplicationStatus.class, "status", status),
                blank(stateIso2) ? null : stateIso2, blank(region) ? null : region, value(Gender.class, "gender", gender)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name, name + " is one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Answers(status = 201, value = Applications.View.class)
    @Summary("Submit a state's nomination; an ineligible one is refused naming the rule (409 without the meetings module)")
    public Response submit(@PathParam("programmeId") long programmeId, Applications.Input body, @Context SecurityContext security) {
        return Response.status(201).entity(applications.submit(programmeId, body, security.getUserPrincipal().getName())).build();
    }

    @GET
    @javax.ws.rs.Path("{id}")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Read an application with its points, cost and status")
    public Applications.View get(@PathParam("programmeId") long programmeId, @PathParam("id") long id) {
        return applications.get(programmeId, id);
    }

    @PUT
    @javax.ws.rs.Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Change an application's person details, fare quoted and retention date (with the version read)")
    public Applications.View update(@PathParam("programmeId") long programmeId, @PathParam("id") long id, Applications.Input body,
            @Context SecurityContext security) {
        return applications.update(programmeId, id, body, security.getUserPrincipal().getName());
    }

    @GET
    @javax.ws.rs.Path("{id}/decisions")
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("List the decisions on an application with their reasons, oldest first")
    public List<Awards.DecisionView> decisions(@PathParam("programmeId") long programmeId, @PathParam("id") long id) {
        return awards.decisions(programmeId, id);
    }

    @POST
    @javax.ws.rs.Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Decide on an application with a reason: information needed, accepted (registers a sponsored participant), declined, withdrawn, rejected")
    public Applications.View decide(@PathParam("programmeId") long programmeId, @PathParam("id") long id, Awards.DecisionInput body,
            @Context SecurityContext security) {
        return awards.decide(programmeId, id, body, security.getUserPrincipal().getName());
    }

    @POST
    @javax.ws.rs.Path("{id}/adjustment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Include an application in the proposal ahead of the ranking, or exclude it, with a reason (null clears)")
    public Applications.View adjust(@PathParam("programmeId") long programmeId, @PathParam("id") long id, Awards.AdjustmentInput body,
            @Context SecurityContext security) {
        return awards.adjust(programmeId, id, body, security.getUserPrincipal().getName());
    }

    @POST
    @javax.ws.rs.Path("{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Record a sponsored delegate's attendance (attended, partly, no-show): the committed amount becomes spent, the rest returns to the fund")
    public Applications.View attendance(@PathParam("programmeId") long programmeId, @PathParam("id") long id, Awards.AttendanceInput body,
            @Context SecurityContext security) {
        return awards.attendance(programmeId, id, body, security.getUserPrincipal().getName());
    }

    @PUT
    @javax.ws.rs.Path("{id}/letter")
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(SponsorshipPermissions.WRITE)
    @Summary("Upload the nomination letter (PDF, at most 10 MB; fileName names it)")
    public Applications.View letter(@PathParam("programmeId") long programmeId, @PathParam("id") long id, @QueryParam("fileName") String fileName,
            InputStream body) {
        return letters.upload(programmeId, id, Uploads.bytes(body, Uploads.MAX_PDF, "a nomination letter"),
                blank(fileName) ? "nomination-letter.pdf" : fileName);
    }

    @GET
    @javax.ws.rs.Path("{id}/letter")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @RequiresPermission(SponsorshipPermissions.READ)
    @Summary("Download the nomination letter")
    public Response letterFile(@PathParam("programmeId") long programmeId, @PathParam("id") long id) {
        Path file = letters.file(programmeId, id).orElseThrow(() -> ApiException.notFound("Application " + id + " has no nomination letter"));
        return Response.ok(file.toFile(), "application/pdf").build();
    }
}

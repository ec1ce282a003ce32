package org.secretariat.meetings.impl.rest;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.meetings.impl.domain.RegistrationStatus;
import org.secretariat.meetings.impl.registration.RegistrationForm;
import org.secretariat.meetings.impl.service.CredentialsReports;
import org.secretariat.meetings.impl.people.PersonLinks;
import org.secretariat.meetings.impl.service.Participants;
import org.secretariat.meetings.impl.service.Participants.ListOfParticipants;
import org.secretariat.meetings.impl.service.Participants.Registration;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Participants registered by delegation, in protocol order; the list of participants (approved
 * registrations unless {@code status} says otherwise) is also served as CSV, HTML and PDF.
 */
@Component(service = ParticipantsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/participants")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantsResource {

    private final Participants participants;
    private final CredentialsReports reports;
    private final RegistrationForm form;
    private final PersonLinks links;

    @Activate
    public ParticipantsResource(@Reference Participants participants, @Reference CredentialsReports reports, @Reference RegistrationForm form,
            @Reference PersonLinks links) {
        this.links = links;
        this.participants = participants;
        this.reports = reports;
        this.form = form;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("List a meeting's registrations, filtered by status, in protocol order")
    public Page<Registration> list(@PathParam("meetingId") long meetingId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, Set.of("protocol"), "protocol");
        return participants.list(meetingId, status == null || status.isBlank() ? null : status(status), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Answers(status = 201, value = Participants.Registration.class)
    @Summary("Register a participant for a meeting in a state's or an organisation's delegation; the registration starts pending")
    public Response register(@PathParam("meetingId") long meetingId, Registration body) {
        return Response.status(201).entity(participants.register(meetingId, body)).build();
    }

    /** Updates a registration: the person's details, the role, credentials, and the status along the workflow. */
    @PUT
    @Path("{participantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Summary("Change a registration: role, status (approve, reject, withdraw), credentials received")
    public Registration update(@PathParam("meetingId") long meetingId, @PathParam("participantId") long participantId, Registration body) {
        return participants.update(meetingId, participantId, body);
    }

    @POST
    @Path("{participantId}/person")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    @Summary(value = "Link a participant to a person of the contacts module, or turn a proposal down",
            description = "{\"personId\": n} links (a proposal accepted), {\"personId\": n, \"reject\": true} turns it down, {\"personId\": null} unlinks")
    public PersonLinks.Linked person(@PathParam("meetingId") long meetingId, @PathParam("participantId") long participantId,
            PersonLinks.Decision body) {
        return links.decide(meetingId, participantId, body);
    }

    /** The credentials report: per delegation, the strongest credentials held (approved participants unless {@code status} says otherwise). */
    @GET
    @Path("credentials")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("Read the credentials report: per delegation, the strongest credentials its participants hold (approved unless ?status=)")
    public CredentialsReports.CredentialsReport credentials(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        return reports.credentials(meetingId, listStatus(status));
    }

    /** The credentials letter uploaded with the registration form that nominated the participant (404 if none). */
    @GET
    @Path("{participantId}/credentials-letter")
    @Produces("application/pdf")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("Download the credentials letter uploaded with the registration form that nominated the participant")
    public Response letter(@PathParam("meetingId") long meetingId, @PathParam("participantId") long participantId) {
        RegistrationForm.StoredLetter letter = form.letter(meetingId, participantId);
        return Response.ok((StreamingOutput) out -> Files.copy(letter.path(), out), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + letter.fileName().replaceAll("[^A-Za-z0-9._ -]", "_") + "\"")
                .header("X-Content-SHA256", letter.sha256()).build();
    }

    @GET
    @Path("list.csv")
    @Produces("text/csv")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("Download the list of participants as CSV (approved unless ?status=)")
    public Response csv(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        ListOfParticipants list = participants.listOf(meetingId, listStatus(status));
        return Response.ok(ParticipantLists.csv(list.participants()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"participants-" + meetingId + ".csv\"").build();
    }

    @GET
    @Path("list.html")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("Read the list of participants as a printable HTML page, in protocol order (approved unless ?status=)")
    public Response html(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        ListOfParticipants list = participants.listOf(meetingId, listStatus(status));
        return Response.ok(ParticipantLists.html(title(list), list.participants()), "text/html; charset=utf-8").build();
    }

    @GET
    @Path("list.pdf")
    @Produces("application/pdf")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    @Summary("Download the list of participants as PDF, in protocol order (approved unless ?status=)")
    public Response pdf(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        ListOfParticipants list = participants.listOf(meetingId, listStatus(status));
        return Response.ok(ParticipantLists.pdf(title(list), list.participants()), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"participants-" + meetingId + ".pdf\"").build();
    }

    private static String title(ListOfParticipants list) {
        return "List of participants: " + list.meetingTitle();
    }

    private static RegistrationStatus listStatus(String status) {
        return status == null || status.isBlank() ? RegistrationStatus.APPROVED : status(status);
    }

    private static RegistrationStatus status(String status) {
        try {
            return RegistrationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "status must be PENDING, APPROVED, REJECTED or WITHDRAWN");
        }
    }
}

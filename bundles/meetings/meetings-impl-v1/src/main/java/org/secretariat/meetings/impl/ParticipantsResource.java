package org.secretariat.meetings.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
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

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Participants registered by delegation. A state's delegation is named and placed from the contacts
 * module when it is installed (States Parties, then signatories, then observer states), otherwise
 * from what the registration says; organisations come last. The list of participants is also served
 * as CSV, HTML and PDF.
 */
@Component(service = ParticipantsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/participants")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantsResource {

    /** A participant as the API shows and takes it. */
    public static class ParticipantJson {
        public Long id;
        public DelegationKind delegationKind;
        public String stateIso2;
        public String delegation;
        public ProtocolGroup protocolGroup;
        public String honorific;
        public String givenName;
        public String familyName;
        public String positionTitle;
        public String email;
        public ParticipantRole role;
        public RegistrationStatus status;
        public Boolean credentialsReceived;
        public Instant registeredAt;
        public Integer version;

        static ParticipantJson of(Participant participant) {
            ParticipantJson json = new ParticipantJson();
            json.id = participant.id;
            json.delegationKind = participant.delegationKind;
            json.stateIso2 = participant.stateIso2;
            json.delegation = participant.delegationName;
            json.protocolGroup = participant.protocolGroup;
            json.honorific = participant.honorific;
            json.givenName = participant.givenName;
            json.familyName = participant.familyName;
            json.positionTitle = participant.positionTitle;
            json.email = participant.email;
            json.role = participant.role;
            json.status = participant.status;
            json.credentialsReceived = participant.credentialsReceived;
            json.registeredAt = participant.registeredAt;
            json.version = participant.version;
            return json;
        }

        String displayName() {
            return java.util.stream.Stream.of(honorific, givenName, familyName).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" "));
        }
    }

    @Reference
    private MeetingStore store;

    @GET
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    public Page<ParticipantJson> list(@PathParam("meetingId") long meetingId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, java.util.Set.of("protocol"), "protocol");
        List<ParticipantJson> all = inProtocolOrder(meetingId, status == null || status.isBlank() ? null : parseStatus(status));
        int from = Math.min(all.size(), request.offset());
        return Page.of(all.subList(from, Math.min(all.size(), from + request.size())), all.size(), request);
    }

    private static RegistrationStatus parseStatus(String status) {
        try {
            return RegistrationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "status must be PENDING, APPROVED, REJECTED or WITHDRAWN");
        }
    }

    /**
     * A meeting's participants in protocol order: group (States Parties, signatories, observer states,
     * organisations), then delegation name, then the head of delegation first and the others by role
     * and name. A state's group follows its status in the contacts module today, when installed.
     */
    List<ParticipantJson> inProtocolOrder(long meetingId, RegistrationStatus status) {
        List<Participant> participants = Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            var query = em.createQuery("SELECT p FROM Participant p WHERE p.meetingId = :meeting" + (status == null ? "" : " AND p.status = :status"),
                    Participant.class).setParameter("meeting", meetingId);
            if (status != null) {
                query.setParameter("status", status);
            }
            return query.getResultList();
        });
        Map<String, Optional<StateSummary>> states = new HashMap<>();
        List<ParticipantJson> json = new ArrayList<>();
        for (Participant participant : participants) {
            ParticipantJson entry = ParticipantJson.of(participant);
            if (participant.delegationKind == DelegationKind.STATE && participant.stateIso2 != null) {
                Optional<StateSummary> state = states.computeIfAbsent(participant.stateIso2, store::state);
                state.ifPresent(s -> {
                    entry.protocolGroup = group(s);
                    entry.delegation = s.name("en");
                });
            }
            json.add(entry);
        }
        json.sort(Comparator.comparing((ParticipantJson p) -> p.protocolGroup)
                .thenComparing(p -> p.delegation.toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.role)
                .thenComparing(p -> p.familyName.toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.id));
        return json;
    }

    private static ProtocolGroup group(StateSummary state) {
        switch (state.status()) {
            case STATE_PARTY:
                return ProtocolGroup.STATE_PARTY;
            case SIGNATORY:
                return ProtocolGroup.SIGNATORY;
            default:
                return ProtocolGroup.OBSERVER_STATE;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    public Response register(@PathParam("meetingId") long meetingId, ParticipantJson body) {
        ParticipantJson created = Transactions.inTransaction(store.store(), em -> {
            store.meeting(em, meetingId);
            if (body == null) {
                throw ApiException.badRequest("familyName", "a JSON body is required");
            }
            Participant participant = new Participant();
            participant.meetingId = meetingId;
            participant.delegationKind = Input.present("delegationKind", body.delegationKind, "STATE or ORGANISATION");
            delegation(participant, body);
            person(participant, body);
            participant.status = RegistrationStatus.PENDING;
            participant.registeredAt = Instant.now(store.clock());
            em.persist(participant);
            em.flush();
            return ParticipantJson.of(participant);
        });
        return Response.status(201).entity(created).build();
    }

    private void delegation(Participant participant, ParticipantJson body) {
        if (participant.delegationKind == DelegationKind.ORGANISATION) {
            participant.stateIso2 = null;
            participant.delegationName = Input.required("delegation", body.delegation, 300);
            participant.protocolGroup = ProtocolGroup.ORGANISATION;
            return;
        }
        String iso2 = Input.required("stateIso2", body.stateIso2, 2).toUpperCase(Locale.ROOT);
        if (!iso2.matches("[A-Z]{2}")) {
            throw ApiException.badRequest("stateIso2", "stateIso2 is an ISO 3166-1 alpha-2 code, e.g. NO");
        }
        participant.stateIso2 = iso2;
        if (store.contactsAvailable()) {
            StateSummary state = store.state(iso2).orElseThrow(() -> ApiException.badRequest("stateIso2", "unknown state '" + iso2 + "'"));
            participant.delegationName = state.name("en");
            participant.protocolGroup = group(state);
        } else {
            // Without the contacts module the registration says who the state is and where it sits.
            participant.delegationName = Input.required("delegation", body.delegation, 300);
            participant.protocolGroup = body.protocolGroup == null || body.protocolGroup == ProtocolGroup.ORGANISATION
                    ? ProtocolGroup.OBSERVER_STATE : body.protocolGroup;
        }
    }

    private static void person(Participant participant, ParticipantJson body) {
        participant.honorific = Input.optional("honorific", body.honorific, 40);
        participant.givenName = Input.optional("givenName", body.givenName, 100);
        participant.familyName = Input.required("familyName", body.familyName, 100);
        participant.positionTitle = Input.optional("positionTitle", body.positionTitle, 200);
        participant.email = Input.email("email", body.email);
        participant.role = body.role == null ? ParticipantRole.DELEGATE : body.role;
        participant.credentialsReceived = Boolean.TRUE.equals(body.credentialsReceived);
    }

    /** Updates a registration: the person's details, the role, credentials, and the status along the workflow. */
    @PUT
    @Path("{participantId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_WRITE)
    public ParticipantJson update(@PathParam("meetingId") long meetingId, @PathParam("participantId") long participantId, ParticipantJson body) {
        return Transactions.inTransaction(store.store(), em -> {
            Participant participant = find(em, meetingId, participantId);
            Input.version(body == null ? null : body.version, participant.version, "Participant " + participantId);
            person(participant, body);
            if (body.status != null && !participant.status.canBecome(body.status)) {
                throw ApiException.badRequest("status", "a registration that is " + participant.status + " can become "
                        + participant.status.next() + ", not " + body.status);
            }
            if (body.status != null) {
                participant.status = body.status;
            }
            em.flush();
            return ParticipantJson.of(participant);
        });
    }

    private static Participant find(EntityManager em, long meetingId, long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null || participant.meetingId != meetingId) {
            throw ApiException.notFound("No participant " + participantId + " in meeting " + meetingId);
        }
        return participant;
    }

    /** The list of participants as CSV (approved registrations unless {@code status} says otherwise). */
    @GET
    @Path("list.csv")
    @Produces("text/csv")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    public Response csv(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        List<ParticipantJson> participants = inProtocolOrder(meetingId, listStatus(status));
        return Response.ok(ParticipantLists.csv(participants), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"participants-" + meetingId + ".csv\"").build();
    }

    @GET
    @Path("list.html")
    @Produces(MediaType.TEXT_HTML)
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    public Response html(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        List<ParticipantJson> participants = inProtocolOrder(meetingId, listStatus(status));
        String title = title(meetingId);
        return Response.ok(ParticipantLists.html(title, participants), "text/html; charset=utf-8").build();
    }

    @GET
    @Path("list.pdf")
    @Produces("application/pdf")
    @RequiresPermission(MeetingsPermissions.PARTICIPANT_READ)
    public Response pdf(@PathParam("meetingId") long meetingId, @QueryParam("status") String status) {
        List<ParticipantJson> participants = inProtocolOrder(meetingId, listStatus(status));
        return Response.ok(ParticipantLists.pdf(title(meetingId), participants), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"participants-" + meetingId + ".pdf\"").build();
    }

    private static RegistrationStatus listStatus(String status) {
        return status == null || status.isBlank() ? RegistrationStatus.APPROVED : parseStatus(status);
    }

    private String title(long meetingId) {
        return Transactions.read(store.store(), em -> "List of participants: " + store.meeting(em, meetingId).title);
    }
}

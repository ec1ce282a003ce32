package org.secretariat.meetings.impl;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Decisions and recommendations of a meeting, numbered per meeting in order of entry (1, 2, ...).
 * Marking one as established practice puts it in the register across meetings ({@code /api/meetings/practice}).
 */
@Component(service = DecisionsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionsResource {

    /** A decision as the API takes it. */
    public static class DecisionJson {
        public DecisionKind kind;
        public String title;
        public String text;
        public Long agendaItemId;
        public LocalDate adoptedOn;
        public String theme;
        public Boolean establishedPractice;
        public Integer version;
    }

    @Reference
    private MeetingStore store;

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> decisions(@PathParam("meetingId") long meetingId) {
        return Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            return em.createQuery("SELECT d FROM Decision d WHERE d.meetingId = :meeting ORDER BY d.number", Decision.class)
                    .setParameter("meeting", meetingId).getResultList().stream().map(DecisionsResource::json).collect(Collectors.toList());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response add(@PathParam("meetingId") long meetingId, DecisionJson body) {
        Map<String, Object> created = Transactions.inTransaction(store.store(), em -> {
            store.meeting(em, meetingId);
            Decision decision = new Decision();
            decision.meetingId = meetingId;
            Integer highest = em.createQuery("SELECT MAX(d.number) FROM Decision d WHERE d.meetingId = :meeting", Integer.class)
                    .setParameter("meeting", meetingId).getSingleResult();
            decision.number = highest == null ? 1 : highest + 1;
            fill(em, decision, body);
            em.persist(decision);
            em.flush();
            return json(decision);
        });
        store.meetingChanged(meetingId);
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{decisionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Map<String, Object> update(@PathParam("meetingId") long meetingId, @PathParam("decisionId") long decisionId, DecisionJson body) {
        return Transactions.inTransaction(store.store(), em -> {
            Decision decision = find(em, meetingId, decisionId);
            Input.version(body == null ? null : body.version, decision.version, "Decision " + decisionId);
            fill(em, decision, body);
            em.flush();
            return json(decision);
        });
    }

    static Decision find(EntityManager em, long meetingId, long decisionId) {
        Decision decision = em.find(Decision.class, decisionId);
        if (decision == null || decision.meetingId != meetingId) {
            throw ApiException.notFound("No decision " + decisionId + " in meeting " + meetingId);
        }
        return decision;
    }

    private void fill(EntityManager em, Decision decision, DecisionJson body) {
        if (body == null) {
            throw ApiException.badRequest("title", "a JSON body is required");
        }
        decision.kind = body.kind == null ? DecisionKind.DECISION : body.kind;
        decision.title = Input.required("title", body.title, 500);
        decision.text = Input.required("text", body.text, 16000);
        if (body.agendaItemId != null) {
            AgendaResource.find(em, decision.meetingId, body.agendaItemId);
        }
        decision.agendaItemId = body.agendaItemId;
        decision.adoptedOn = body.adoptedOn;
        decision.theme = store.theme(body.theme);
        decision.establishedPractice = Boolean.TRUE.equals(body.establishedPractice);
        if (decision.establishedPractice && decision.adoptedOn == null) {
            throw ApiException.badRequest("adoptedOn", "established practice is a decision adopted on a date: give adoptedOn");
        }
    }

    static Map<String, Object> json(Decision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", decision.id);
        json.put("meetingId", decision.meetingId);
        json.put("number", decision.number);
        json.put("kind", decision.kind);
        json.put("title", decision.title);
        json.put("text", decision.text);
        json.put("agendaItemId", decision.agendaItemId);
        json.put("adoptedOn", decision.adoptedOn);
        json.put("theme", decision.theme);
        json.put("establishedPractice", decision.establishedPractice);
        json.put("version", decision.version);
        return json;
    }
}

package org.secretariat.meetings.impl;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

/** A meeting's programme: sessions by day and time, with their room and the agenda items taken up. */
@Component(service = ProgrammeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/programme")
@Produces(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    /** A session as the API takes it. */
    public static class SessionJson {
        public Long id;
        public LocalDate date;
        public String startTime;
        public String endTime;
        public String room;
        public String title;
        public String agendaItems;
        public Integer version;
    }

    @Reference
    private MeetingStore store;

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> programme(@PathParam("meetingId") long meetingId) {
        return Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            return em.createQuery("SELECT s FROM ProgrammeSession s WHERE s.meetingId = :meeting ORDER BY s.date, s.startTime, s.id",
                    ProgrammeSession.class).setParameter("meeting", meetingId).getResultList().stream().map(ProgrammeResource::json)
                    .collect(Collectors.toList());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response add(@PathParam("meetingId") long meetingId, SessionJson body) {
        Map<String, Object> created = Transactions.inTransaction(store.store(), em -> {
            ProgrammeSession session = new ProgrammeSession();
            session.meetingId = meetingId;
            fill(store.meeting(em, meetingId), session, body);
            em.persist(session);
            em.flush();
            return json(session);
        });
        store.meetingChanged(meetingId);
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Map<String, Object> update(@PathParam("meetingId") long meetingId, @PathParam("sessionId") long sessionId, SessionJson body) {
        Map<String, Object> updated = Transactions.inTransaction(store.store(), em -> {
            ProgrammeSession session = find(em, meetingId, sessionId);
            Input.version(body == null ? null : body.version, session.version, "Session " + sessionId);
            fill(store.meeting(em, meetingId), session, body);
            em.flush();
            return json(session);
        });
        store.meetingChanged(meetingId);
        return updated;
    }

    @DELETE
    @Path("{sessionId}")
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response delete(@PathParam("meetingId") long meetingId, @PathParam("sessionId") long sessionId) {
        Transactions.inTransaction(store.store(), em -> {
            em.remove(find(em, meetingId, sessionId));
            return null;
        });
        store.meetingChanged(meetingId);
        return Response.noContent().build();
    }

    private static ProgrammeSession find(EntityManager em, long meetingId, long sessionId) {
        ProgrammeSession session = em.find(ProgrammeSession.class, sessionId);
        if (session == null || session.meetingId != meetingId) {
            throw ApiException.notFound("No session " + sessionId + " in meeting " + meetingId);
        }
        return session;
    }

    private static void fill(Meeting meeting, ProgrammeSession session, SessionJson body) {
        if (body == null) {
            throw ApiException.badRequest("title", "a JSON body is required");
        }
        session.date = Input.present("date", body.date, "the day of the session");
        if (session.date.isBefore(meeting.startDate) || session.date.isAfter(meeting.endDate)) {
            throw ApiException.badRequest("date", "the session's date must be within the meeting (" + meeting.startDate + " to " + meeting.endDate + ")");
        }
        session.startTime = time("startTime", body.startTime);
        session.endTime = time("endTime", body.endTime);
        if (session.endTime.compareTo(session.startTime) <= 0) {
            throw ApiException.badRequest("endTime", "endTime must be after startTime");
        }
        session.room = Input.optional("room", body.room, 100);
        session.title = Input.required("title", body.title, 300);
        session.agendaItems = Input.optional("agendaItems", body.agendaItems, 300);
    }

    private static String time(String field, String value) {
        String time = Input.required(field, value, 5);
        if (!time.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw ApiException.badRequest(field, field + " is a time like 09:30");
        }
        return time;
    }

    static Map<String, Object> json(ProgrammeSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id);
        json.put("date", session.date);
        json.put("startTime", session.startTime);
        json.put("endTime", session.endTime);
        json.put("room", session.room);
        json.put("title", session.title);
        json.put("agendaItems", session.agendaItems);
        json.put("version", session.version);
        return json;
    }
}

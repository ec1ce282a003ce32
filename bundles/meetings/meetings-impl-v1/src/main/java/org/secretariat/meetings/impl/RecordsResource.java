package org.secretariat.meetings.impl;

import java.time.Instant;
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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/** Summary records and minutes of a meeting or a session; every change keeps the text it replaced, who and when. */
@Component(service = RecordsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings/{meetingId}/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    /** A record as the API takes it; {@code note} says what a revision changed. */
    public static class RecordJson {
        public Long sessionId;
        public String title;
        public String text;
        public String note;
        public Integer version;
    }

    @Reference
    private MeetingStore store;

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> records(@PathParam("meetingId") long meetingId) {
        return Transactions.read(store.store(), em -> {
            store.meeting(em, meetingId);
            return em.createQuery("SELECT r FROM MeetingRecord r WHERE r.meetingId = :meeting ORDER BY r.id", MeetingRecord.class)
                    .setParameter("meeting", meetingId).getResultList().stream().map(RecordsResource::json).collect(Collectors.toList());
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response add(@PathParam("meetingId") long meetingId, RecordJson body, @Context SecurityContext security) {
        Map<String, Object> created = Transactions.inTransaction(store.store(), em -> {
            store.meeting(em, meetingId);
            MeetingRecord record = new MeetingRecord();
            record.meetingId = meetingId;
            record.revision = 1;
            fill(em, record, body, security.getUserPrincipal().getName());
            em.persist(record);
            em.flush();
            String note = Input.optional("note", body.note, 500);
            revision(em, record, note == null ? "first version" : note);
            return json(record);
        });
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{recordId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Map<String, Object> update(@PathParam("meetingId") long meetingId, @PathParam("recordId") long recordId, RecordJson body,
            @Context SecurityContext security) {
        return Transactions.inTransaction(store.store(), em -> {
            MeetingRecord record = find(em, meetingId, recordId);
            Input.version(body == null ? null : body.version, record.version, "Record " + recordId);
            fill(em, record, body, security.getUserPrincipal().getName());
            record.revision++;
            em.flush();
            revision(em, record, Input.optional("note", body.note, 500));
            return json(record);
        });
    }

    /** Every revision of a record, newest first, with who changed it, when and why. */
    @GET
    @Path("{recordId}/revisions")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> revisions(@PathParam("meetingId") long meetingId, @PathParam("recordId") long recordId) {
        return Transactions.read(store.store(), em -> {
            find(em, meetingId, recordId);
            return em.createQuery("SELECT v FROM RecordRevision v WHERE v.recordId = :record ORDER BY v.revision DESC", RecordRevision.class)
                    .setParameter("record", recordId).getResultList().stream().map(v -> {
                        Map<String, Object> json = new LinkedHashMap<>();
                        json.put("revision", v.revision);
                        json.put("title", v.title);
                        json.put("text", v.text);
                        json.put("note", v.note);
                        json.put("changedBy", v.changedBy);
                        json.put("changedAt", v.changedAt);
                        return json;
                    }).collect(Collectors.toList());
        });
    }

    private static MeetingRecord find(EntityManager em, long meetingId, long recordId) {
        MeetingRecord record = em.find(MeetingRecord.class, recordId);
        if (record == null || record.meetingId != meetingId) {
            throw ApiException.notFound("No record " + recordId + " in meeting " + meetingId);
        }
        return record;
    }

    private void fill(EntityManager em, MeetingRecord record, RecordJson body, String user) {
        if (body == null) {
            throw ApiException.badRequest("text", "a JSON body is required");
        }
        if (body.sessionId != null) {
            ProgrammeSession session = em.find(ProgrammeSession.class, body.sessionId);
            if (session == null || session.meetingId != record.meetingId) {
                throw ApiException.badRequest("sessionId", "no session " + body.sessionId + " in this meeting");
            }
        }
        record.sessionId = body.sessionId;
        record.title = Input.required("title", body.title, 300);
        record.text = Input.required("text", body.text, 16000);
        record.updatedAt = Instant.now(store.clock());
        record.updatedBy = user;
    }

    private static void revision(EntityManager em, MeetingRecord record, String note) {
        RecordRevision revision = new RecordRevision();
        revision.recordId = record.id;
        revision.revision = record.revision;
        revision.title = record.title;
        revision.text = record.text;
        revision.note = note;
        revision.changedBy = record.updatedBy;
        revision.changedAt = record.updatedAt;
        em.persist(revision);
    }

    static Map<String, Object> json(MeetingRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id);
        json.put("sessionId", record.sessionId);
        json.put("title", record.title);
        json.put("text", record.text);
        json.put("revision", record.revision);
        json.put("updatedAt", record.updatedAt);
        json.put("updatedBy", record.updatedBy);
        json.put("version", record.version);
        return json;
    }
}

package org.secretariat.meetings.impl;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Meetings: list (filter by type, status, year, text; upcoming only), create, read, update with
 * optimistic locking, delete an empty one; the iCalendar exports; the register of established
 * practice across meetings; the overdue follow-up actions.
 */
@Component(service = MeetingsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    private static final Map<String, String> SORT_FIELDS = Map.of("startDate", "m.startDate", "title", "m.title", "type", "m.type", "id", "m.id");

    @Reference
    private MeetingStore store;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<MeetingExtension> extensions;

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public Page<MeetingJson> list(@QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("year") String year,
            @QueryParam("q") String q, @QueryParam("upcoming") String upcoming,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, SORT_FIELDS.keySet(), "startDate");
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (type != null && !type.isBlank()) {
            conditions.add("m.type = :type");
            parameters.put("type", type.trim());
        }
        if (status != null && !status.isBlank()) {
            conditions.add("m.status = :status");
            parameters.put("status", parseStatus(status));
        }
        if (year != null && !year.isBlank()) {
            int value = Input.present("year", parseYear(year), "a year like 2011");
            conditions.add("m.startDate >= :from AND m.startDate < :to");
            parameters.put("from", LocalDate.of(value, 1, 1));
            parameters.put("to", LocalDate.of(value + 1, 1, 1));
        }
        if (q != null && !q.isBlank()) {
            conditions.add("(LOWER(m.title) LIKE :text ESCAPE '\\' OR LOWER(m.city) LIKE :text ESCAPE '\\')");
            parameters.put("text", LikePatterns.containing(q.trim().toLowerCase(Locale.ROOT)));
        }
        if (Input.flag("upcoming", upcoming)) {
            conditions.add("m.endDate >= :today");
            parameters.put("today", store.today());
        }
        String where = " FROM Meeting m" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        Map<String, String> types = store.meetingTypes();
        return Transactions.read(store.store(), em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(m)" + where, Long.class);
            TypedQuery<Meeting> items = em.createQuery("SELECT m" + where + " ORDER BY " + SORT_FIELDS.get(request.sortField())
                    + (request.ascending() ? " ASC" : " DESC") + ", m.id", Meeting.class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                items.setParameter(name, value);
            });
            List<MeetingJson> json = items.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()
                    .stream().map(m -> json(em, m, types)).collect(Collectors.toList());
            return Page.of(json, count.getSingleResult(), request);
        });
    }

    private static Integer parseYear(String year) {
        try {
            int value = Integer.parseInt(year.trim());
            return value >= 1900 && value <= 2200 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static MeetingStatus parseStatus(String status) {
        try {
            return MeetingStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "status must be PLANNED, CONVENED or CONCLUDED");
        }
    }

    MeetingJson json(EntityManager em, Meeting meeting, Map<String, String> types) {
        MeetingJson json = MeetingJson.of(meeting, types);
        for (MeetingExtension extension : extensions()) {
            extension.read(em, meeting, json);
        }
        return json;
    }

    private List<MeetingExtension> extensions() {
        List<MeetingExtension> current = extensions;
        return current == null ? List.of() : current;
    }

    @GET
    @Path("{id}")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public MeetingJson get(@PathParam("id") long id) {
        Map<String, String> types = store.meetingTypes();
        return Transactions.read(store.store(), em -> json(em, store.meeting(em, id), types));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response create(MeetingJson body) {
        Map<String, String> types = store.meetingTypes();
        MeetingJson created = Transactions.inTransaction(store.store(), em -> {
            Meeting meeting = new Meeting();
            fill(meeting, body, types);
            meeting.status = body.status == null ? MeetingStatus.PLANNED : body.status;
            em.persist(meeting);
            em.flush();
            for (MeetingExtension extension : extensions()) {
                extension.write(em, meeting, body);
            }
            return json(em, meeting, types);
        });
        store.meetingChanged(created.id);
        return Response.status(201).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public MeetingJson update(@PathParam("id") long id, MeetingJson body) {
        Map<String, String> types = store.meetingTypes();
        MeetingJson updated = Transactions.inTransaction(store.store(), em -> {
            Meeting meeting = store.meeting(em, id);
            Input.version(body == null ? null : body.version, meeting.version, "Meeting " + id);
            fill(meeting, body, types);
            meeting.status = Input.present("status", body.status, "PLANNED, CONVENED or CONCLUDED");
            for (MeetingExtension extension : extensions()) {
                extension.write(em, meeting, body);
            }
            em.flush();
            return json(em, meeting, types);
        });
        store.meetingChanged(id);
        return updated;
    }

    private void fill(Meeting meeting, MeetingJson body, Map<String, String> types) {
        if (body == null) {
            throw ApiException.badRequest("title", "a JSON body is required");
        }
        Set<String> claimed = new HashSet<>();
        extensions().forEach(extension -> claimed.addAll(extension.fields()));
        for (String field : body.extensions().keySet()) {
            if (!claimed.contains(field)) {
                throw ApiException.badRequest(field, "Unknown field '" + field + "'");
            }
        }
        String type = Input.required("type", body.type, 20);
        if (!types.containsKey(type)) {
            throw ApiException.badRequest("type", "type must be one of the convention's meeting types: " + types.keySet());
        }
        meeting.type = type;
        if (body.number != null && (body.number < 1 || body.number > 999)) {
            throw ApiException.badRequest("number", "number must be between 1 and 999");
        }
        meeting.number = body.number;
        meeting.title = Input.required("title", body.title, 300);
        meeting.startDate = Input.present("startDate", body.startDate, "the first day of the meeting");
        meeting.endDate = Input.present("endDate", body.endDate, "the last day of the meeting");
        Input.period(meeting.startDate, meeting.endDate);
        meeting.venue = Input.optional("venue", body.venue, 300);
        meeting.city = Input.optional("city", body.city, 100);
        String country = Input.optional("countryIso2", body.countryIso2, 2);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw ApiException.badRequest("countryIso2", "countryIso2 is an ISO 3166-1 alpha-2 code, e.g. NO");
        }
        meeting.countryIso2 = country == null ? null : country.toUpperCase(Locale.ROOT);
        meeting.presidency = Input.optional("presidency", body.presidency, 300);
        meeting.publicMeeting = body.publicMeeting == null || body.publicMeeting;
        meeting.updatedAt = Instant.now(store.clock());
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    public Response delete(@PathParam("id") long id) {
        Transactions.inTransaction(store.store(), em -> {
            Meeting meeting = store.meeting(em, id);
            for (String entity : new String[] {"MeetingDocument", "Participant", "Decision", "MeetingRecord"}) {
                long count = em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.meetingId = :id", Long.class)
                        .setParameter("id", id).getSingleResult();
                if (count > 0) {
                    throw ApiException.conflict("Meeting " + id + " has documents, participants, decisions or records: it is part of the record and stays");
                }
            }
            for (String entity : new String[] {"AgendaItem", "ProgrammeSession", "FollowUpAction"}) {
                em.createQuery("DELETE FROM " + entity + " x WHERE x.meetingId = :id").setParameter("id", id).executeUpdate();
            }
            for (MeetingExtension extension : extensions()) {
                extension.delete(em, meeting);
            }
            em.remove(meeting);
            return null;
        });
        store.meetingChanged(id);
        return Response.noContent().build();
    }

    /** One meeting as an iCalendar file, for a calendar client. */
    @GET
    @Path("{id}/calendar.ics")
    @Produces(IcsCalendar.MEDIA_TYPE)
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public Response calendar(@PathParam("id") long id) {
        Map<String, String> types = store.meetingTypes();
        List<Meeting> meetings = Transactions.read(store.store(), em -> List.of(store.meeting(em, id)));
        return IcsCalendar.response(meetings, types, "meeting-" + id + ".ics");
    }

    /** Every meeting that has not ended yet. */
    @GET
    @Path("calendar.ics")
    @Produces(IcsCalendar.MEDIA_TYPE)
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public Response upcomingCalendar() {
        Map<String, String> types = store.meetingTypes();
        List<Meeting> meetings = Transactions.read(store.store(), em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.endDate >= :today ORDER BY m.startDate, m.id", Meeting.class)
                .setParameter("today", store.today()).setMaxResults(500).getResultList());
        return IcsCalendar.response(meetings, types, "meetings.ics");
    }

    /** The register of established practice: decisions marked so, across meetings, by theme, year and text. */
    @GET
    @Path("practice")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public Page<Map<String, Object>> practice(@QueryParam("theme") String theme, @QueryParam("year") String year, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, Set.of("adoptedOn"), "adoptedOn");
        List<String> conditions = new ArrayList<>(List.of("d.establishedPractice = :yes", "m.id = d.meetingId"));
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("yes", Boolean.TRUE));
        if (theme != null && !theme.isBlank()) {
            conditions.add("d.theme = :theme");
            parameters.put("theme", store.theme(theme));
        }
        if (year != null && !year.isBlank()) {
            int value = Input.present("year", parseYear(year), "a year like 2011");
            conditions.add("d.adoptedOn >= :from AND d.adoptedOn < :to");
            parameters.put("from", LocalDate.of(value, 1, 1));
            parameters.put("to", LocalDate.of(value + 1, 1, 1));
        }
        if (q != null && !q.isBlank()) {
            conditions.add("(LOWER(d.title) LIKE :text ESCAPE '\\' OR LOWER(d.text) LIKE :text ESCAPE '\\')");
            parameters.put("text", LikePatterns.containing(q.trim().toLowerCase(Locale.ROOT)));
        }
        String where = " FROM Decision d, Meeting m WHERE " + String.join(" AND ", conditions);
        return Transactions.read(store.store(), em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(d)" + where, Long.class);
            TypedQuery<Object[]> items = em.createQuery("SELECT d, m" + where + " ORDER BY d.adoptedOn DESC, d.id DESC", Object[].class);
            parameters.forEach((name, value) -> {
                count.setParameter(name, value);
                items.setParameter(name, value);
            });
            List<Map<String, Object>> json = new ArrayList<>();
            for (Object[] row : items.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList()) {
                Map<String, Object> entry = DecisionsResource.json((Decision) row[0]);
                Meeting meeting = (Meeting) row[1];
                entry.put("meetingTitle", meeting.title);
                entry.put("meetingType", meeting.type);
                entry.put("meetingNumber", meeting.number);
                json.add(entry);
            }
            return Page.of(json, count.getSingleResult(), request);
        });
    }

    /** Follow-up actions still open after their due date, across meetings, oldest first. */
    @GET
    @Path("actions/overdue")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    public List<Map<String, Object>> overdue() {
        return Transactions.read(store.store(), em -> em.createQuery(
                "SELECT a FROM FollowUpAction a WHERE a.status = :open AND a.dueDate < :today ORDER BY a.dueDate, a.id", FollowUpAction.class)
                .setParameter("open", ActionStatus.OPEN).setParameter("today", store.today()).setMaxResults(500).getResultList()
                .stream().map(ActionsResource::json).collect(Collectors.toList()));
    }
}

package org.secretariat.meetings.impl.service;

import java.time.Clock;
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
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;

/**
 * Meetings: the list and its filters, one meeting, creating and changing one (of a meeting type of
 * the module's settings from the convention profile, with optimistic locking), deleting one that holds nothing of the record,
 * and the meetings as a calendar shows them. Every other part of the module finds its meeting through
 * {@link #require}.
 */
@Component(service = Meetings.class)
public class Meetings {

    /** The module's id, which names its persistence unit, its folder in the file store and its permissions. */
    public static final String MODULE = "meetings";

    private static final Map<String, String> SORT_FIELDS = Map.of("startDate", "m.startDate", "title", "m.title", "type", "m.type", "id", "m.id");
    public static final Set<String> SORTABLE = SORT_FIELDS.keySet();

    /** What a meeting holds that is part of the record: a meeting with any of it stays. */
    private static final List<String> PART_OF_THE_RECORD = List.of("MeetingDocument", "Participant", "Decision", "MeetingRecord", "Invitation");
    /** What goes with a meeting that is deleted. */
    private static final List<String> PLANNING = List.of("AgendaItem", "ProgrammeSession", "FollowUpAction");

    /** The list's filters; null (or false) where none was asked for. */
    public record Filter(String type, MeetingStatus status, Integer year, String text, boolean upcoming) {
    }

    /** A meeting as a calendar shows it. */
    public record CalendarEntry(long id, String title, String typeName, LocalDate startDate, LocalDate endDate, String venue, String city,
            String presidency, MeetingStatus status) {
    }

    private final EntityManagerFactory factory;
    private final MeetingSettings settings;
    private final Announcements announcements;
    private final Clock clock;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<MeetingExtension> extensions;

    @Activate
    public Meetings(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference MeetingSettings settings,
            @Reference Announcements announcements) {
        this(factory, settings, announcements, Clock.systemUTC(), List.of());
    }

    /** With a fixed clock and fixed extensions, as a test wants. */
    Meetings(EntityManagerFactory factory, MeetingSettings settings, Announcements announcements, Clock clock,
            List<MeetingExtension> extensions) {
        this.factory = factory;
        this.settings = settings;
        this.announcements = announcements;
        this.clock = clock;
        this.extensions = extensions;
    }

    /** The meeting, or not found: what every part of the module asks first, in its own transaction. */
    public Meeting require(EntityManager em, long id) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null) {
            throw DomainException.notFound("No meeting " + id);
        }
        return meeting;
    }

    public Page<MeetingJson> list(Filter filter, PageRequest request) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.type() != null && !filter.type().isBlank()) {
            conditions.add("m.type = :type");
            parameters.put("type", filter.type().trim());
        }
        if (filter.status() != null) {
            conditions.add("m.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.year() != null) {
            conditions.add("m.startDate >= :from AND m.startDate < :to");
            parameters.put("from", LocalDate.of(filter.year(), 1, 1));
            parameters.put("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            conditions.add("(LOWER(m.title) LIKE :text ESCAPE '\\' OR LOWER(m.city) LIKE :text ESCAPE '\\')");
            parameters.put("text", LikePatterns.containing(filter.text().trim().toLowerCase(Locale.ROOT)));
        }
        if (filter.upcoming()) {
            conditions.add("m.endDate >= :today");
            parameters.put("today", LocalDate.now(clock));
        }
        String where = " FROM Meeting m" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        Map<String, String> types = settings.meetingTypes();
        return Transactions.read(factory, em -> {
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

    public MeetingJson get(long id) {
        Map<String, String> types = settings.meetingTypes();
        return Transactions.read(factory, em -> json(em, require(em, id), types));
    }

    /** A new meeting, planned unless the body says otherwise. */
    public MeetingJson create(MeetingJson body) {
        Map<String, String> types = settings.meetingTypes();
        MeetingJson created = Transactions.inTransaction(factory, em -> {
            Meeting meeting = new Meeting();
            apply(body, meeting, types);
            meeting.status = body.status == null ? MeetingStatus.PLANNED : body.status;
            em.persist(meeting);
            em.flush();
            for (MeetingExtension extension : extensions()) {
                extension.write(em, meeting, body);
            }
            return json(em, meeting, types);
        });
        announcements.meetingChanged(created.id);
        return created;
    }

    public MeetingJson update(long id, MeetingJson body) {
        Map<String, String> types = settings.meetingTypes();
        MeetingJson updated = Transactions.inTransaction(factory, em -> {
            Meeting meeting = require(em, id);
            Fields.version(body == null ? null : body.version, meeting.version, "Meeting " + id);
            apply(body, meeting, types);
            meeting.status = Fields.present("status", body.status, "PLANNED, CONVENED or CONCLUDED");
            for (MeetingExtension extension : extensions()) {
                extension.write(em, meeting, body);
            }
            em.flush();
            return json(em, meeting, types);
        });
        announcements.meetingChanged(id);
        return updated;
    }

    private void apply(MeetingJson body, Meeting meeting, Map<String, String> types) {
        if (body == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        Set<String> claimed = new HashSet<>();
        extensions().forEach(extension -> claimed.addAll(extension.fields()));
        for (String field : body.extensions().keySet()) {
            if (!claimed.contains(field)) {
                throw DomainException.invalid(field, "Unknown field '" + field + "'");
            }
        }
        String type = Fields.required("type", body.type, 20);
        if (!types.containsKey(type)) {
            throw DomainException.invalid("type", "type must be one of the convention's meeting types: " + types.keySet());
        }
        meeting.type = type;
        if (body.number != null && (body.number < 1 || body.number > 999)) {
            throw DomainException.invalid("number", "number must be between 1 and 999");
        }
        meeting.number = body.number;
        meeting.title = Fields.required("title", body.title, 300);
        meeting.startDate = Fields.present("startDate", body.startDate, "the first day of the meeting");
        meeting.endDate = Fields.present("endDate", body.endDate, "the last day of the meeting");
        Fields.period(meeting.startDate, meeting.endDate);
        meeting.venue = Fields.optional("venue", body.venue, 300);
        meeting.city = Fields.optional("city", body.city, 100);
        String country = Fields.optional("countryIso2", body.countryIso2, 2);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw DomainException.invalid("countryIso2", "countryIso2 is an ISO 3166-1 alpha-2 code, e.g. NO");
        }
        meeting.countryIso2 = country == null ? null : country.toUpperCase(Locale.ROOT);
        meeting.presidency = Fields.optional("presidency", body.presidency, 300);
        meeting.publicMeeting = body.publicMeeting == null || body.publicMeeting;
        meeting.updatedAt = Instant.now(clock);
    }

    /** Deletes a meeting with its agenda, programme and actions; one with documents, participants, decisions or records stays. */
    public void delete(long id) {
        Transactions.inTransaction(factory, em -> {
            Meeting meeting = require(em, id);
            for (String entity : PART_OF_THE_RECORD) {
                long count = em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.meetingId = :id", Long.class)
                        .setParameter("id", id).getSingleResult();
                if (count > 0) {
                    throw DomainException.conflict("Meeting " + id + " has documents, participants, decisions, records or invitations: it is part of the record and stays");
                }
            }
            for (String entity : PLANNING) {
                em.createQuery("DELETE FROM " + entity + " x WHERE x.meetingId = :id").setParameter("id", id).executeUpdate();
            }
            for (MeetingExtension extension : extensions()) {
                extension.delete(em, meeting);
            }
            em.remove(meeting);
            return null;
        });
        announcements.meetingChanged(id);
    }

    public CalendarEntry calendarEntry(long id) {
        Map<String, String> types = settings.meetingTypes();
        return Transactions.read(factory, em -> entry(require(em, id), types));
    }

    /** Every meeting that has not ended yet (at most 500), soonest first. */
    public List<CalendarEntry> upcomingCalendar() {
        Map<String, String> types = settings.meetingTypes();
        return Transactions.read(factory, em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.endDate >= :today ORDER BY m.startDate, m.id", Meeting.class)
                .setParameter("today", LocalDate.now(clock)).setMaxResults(500).getResultList()
                .stream().map(m -> entry(m, types)).collect(Collectors.toList()));
    }

    private static CalendarEntry entry(Meeting meeting, Map<String, String> types) {
        return new CalendarEntry(meeting.id, meeting.title, types.getOrDefault(meeting.type, meeting.type), meeting.startDate, meeting.endDate,
                meeting.venue, meeting.city, meeting.presidency, meeting.status);
    }

    private MeetingJson json(EntityManager em, Meeting meeting, Map<String, String> types) {
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
}

package org.secretariat.meetings.impl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.secretariat.contacts.api.StateDirectory;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingEvents;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;

/**
 * The meetings module's shared state: its persistence unit, the convention profile (meeting types,
 * symbol pattern, themes), the optional contacts module (delegations' names and protocol order), the
 * optional Event Admin, the file store and the configuration. Also the {@link MeetingCalendar}
 * other modules use.
 */
@Component(service = {MeetingStore.class, MeetingCalendar.class}, configurationPid = MeetingStore.PID)
@Designate(ocd = MeetingStore.Configuration.class)
public class MeetingStore implements MeetingCalendar {

    static final String PID = "org.secretariat.meetings";
    static final String MODULE = "meetings";

    /** Configuration {@code org.secretariat.meetings}. */
    @ObjectClassDefinition(name = "Meetings", description = "Limits of the meetings module")
    @interface Configuration {
        @AttributeDefinition(description = "Largest document file accepted, in megabytes")
        int maxUploadMegabytes() default 25;
    }

    @Reference(target = "(osgi.unit.name=meetings)")
    private EntityManagerFactory meetings;

    @Reference
    private FileStorage files;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConventionProfile profile;

    /** The contacts module, when installed: delegations of states are named and ordered from it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StateDirectory states;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    private final Clock clock = Clock.systemUTC();
    private volatile long maxUploadBytes;

    @Activate
    @Modified
    void configure(Configuration configuration) {
        int megabytes = configuration.maxUploadMegabytes();
        this.maxUploadBytes = (megabytes <= 0 ? 25 : megabytes) * 1024L * 1024L;
    }

    EntityManagerFactory store() {
        return meetings;
    }

    long maxUploadBytes() {
        return maxUploadBytes;
    }

    Path fileFolder() {
        return files.folder(MODULE);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Clock clock() {
        return clock;
    }

    ConventionProfile profile() {
        ConventionProfile current = profile;
        if (current == null) {
            throw new ApiException(503, "The convention profile is not configured", null);
        }
        return current;
    }

    /** The profile's meeting types, code to name. */
    Map<String, String> meetingTypes() {
        return profile().meetingTypes();
    }

    String theme(String theme) {
        if (theme == null || theme.isBlank()) {
            return null;
        }
        for (String area : profile().thematicAreas()) {
            if (area.equalsIgnoreCase(theme.trim())) {
                return area;
            }
        }
        throw ApiException.badRequest("theme", "theme must be one of the convention's thematic areas: " + profile().thematicAreas());
    }

    Optional<StateSummary> state(String iso2) {
        StateDirectory directory = states;
        return directory == null ? Optional.empty() : directory.state(iso2);
    }

    boolean contactsAvailable() {
        return states != null;
    }

    Meeting meeting(EntityManager em, long id) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null) {
            throw ApiException.notFound("No meeting " + id);
        }
        return meeting;
    }

    /** Posts an event after the change is committed; without Event Admin nobody listens, which is fine. */
    void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    void meetingChanged(long meetingId) {
        post(MeetingEvents.MEETING_CHANGED, Map.of(MeetingEvents.MEETING_ID, meetingId));
    }

    static MeetingSummary summary(Meeting meeting) {
        return new MeetingSummary(meeting.id, meeting.type, meeting.number, meeting.title, meeting.startDate, meeting.endDate,
                meeting.city, meeting.status, meeting.publicMeeting);
    }

    @Override
    public List<MeetingSummary> upcomingPublicMeetings(int limit) {
        return Transactions.read(meetings, em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.publicMeeting = :yes AND m.endDate >= :today ORDER BY m.startDate, m.id", Meeting.class)
                .setParameter("yes", Boolean.TRUE).setParameter("today", today()).setMaxResults(Math.max(0, limit))
                .getResultList().stream().map(MeetingStore::summary).collect(Collectors.toList()));
    }

    @Override
    public List<MeetingSummary> publicMeetings(int year) {
        return Transactions.read(meetings, em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.publicMeeting = :yes AND m.startDate >= :from AND m.startDate < :to ORDER BY m.startDate, m.id",
                Meeting.class).setParameter("yes", Boolean.TRUE).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1)).getResultList().stream().map(MeetingStore::summary).collect(Collectors.toList()));
    }

    @Override
    public List<PublicDocument> publicDocuments(long meetingId) {
        return Transactions.read(meetings, em -> {
            Meeting meeting = em.find(Meeting.class, meetingId);
            if (meeting == null || !meeting.publicMeeting) {
                return List.<PublicDocument>of();
            }
            List<MeetingDocument> documents = em.createQuery("SELECT d FROM MeetingDocument d WHERE d.meetingId = :meeting"
                    + " AND d.publicDocument = :yes AND d.issuedOn IS NOT NULL ORDER BY d.category, d.sequence", MeetingDocument.class)
                    .setParameter("meeting", meetingId).setParameter("yes", Boolean.TRUE).getResultList();
            Map<Long, List<String>> languages = languagesOf(em, documents.stream().map(d -> d.id).collect(Collectors.toList()));
            List<PublicDocument> result = new ArrayList<>();
            for (MeetingDocument document : documents) {
                result.add(new PublicDocument(meetingId, document.id, document.symbol, document.title, document.category.name(),
                        languages.getOrDefault(document.id, List.of()), document.issuedOn));
            }
            return result;
        });
    }

    /** The languages each document has a file in. */
    static Map<Long, List<String>> languagesOf(EntityManager em, List<Long> documentIds) {
        Map<Long, List<String>> languages = new HashMap<>();
        if (documentIds.isEmpty()) {
            return languages;
        }
        for (Object[] row : em.createQuery("SELECT DISTINCT f.documentId, f.language FROM DocumentFile f WHERE f.documentId IN :ids"
                + " ORDER BY f.documentId, f.language", Object[].class).setParameter("ids", documentIds).getResultList()) {
            languages.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return languages;
    }
}

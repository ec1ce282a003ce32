package org.secretariat.meetings.impl.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicAgendaItem;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.meetings.api.PublicDocumentFile;
import org.secretariat.meetings.impl.domain.AgendaItem;
import org.secretariat.meetings.impl.domain.DocumentFile;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.MeetingDocument;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * What other modules (the website) see of meetings: public meetings, their agendas and their issued
 * public documents with those documents' files. Nothing of a restricted meeting, nor any document that
 * is not both public and issued, ever leaves this class.
 */
@Component(service = MeetingCalendar.class)
public class PublicCalendar implements MeetingCalendar {

    /** Public issued documents of public meetings, newest issued first: what feeds and searches list. */
    private static final String PUBLIC_DOCUMENTS = "SELECT d FROM MeetingDocument d, Meeting m WHERE m.id = d.meetingId"
            + " AND m.publicMeeting = :yes AND d.publicDocument = :yes AND d.issuedOn IS NOT NULL";
    private static final String NEWEST_FIRST = " ORDER BY d.issuedOn DESC, d.createdAt DESC, d.id DESC";

    private final EntityManagerFactory factory;
    private final StoredFiles files;
    private final Clock clock;

    @Activate
    public PublicCalendar(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference FileStorage storage) {
        this(factory, storage, Clock.systemUTC());
    }

    /** With a fixed clock, as a test wants. */
    PublicCalendar(EntityManagerFactory factory, FileStorage storage, Clock clock) {
        this.factory = factory;
        this.files = new StoredFiles(storage);
        this.clock = clock;
    }

    @Override
    public List<MeetingSummary> upcomingPublicMeetings(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return Transactions.read(factory, em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.publicMeeting = :yes AND m.endDate >= :today ORDER BY m.startDate, m.id", Meeting.class)
                .setParameter("yes", Boolean.TRUE).setParameter("today", LocalDate.now(clock)).setMaxResults(limit)
                .getResultList().stream().map(PublicCalendar::summary).collect(Collectors.toList()));
    }

    @Override
    public List<MeetingSummary> publicMeetings(int year) {
        return Transactions.read(factory, em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.publicMeeting = :yes AND m.startDate >= :from AND m.startDate < :to ORDER BY m.startDate, m.id",
                Meeting.class).setParameter("yes", Boolean.TRUE).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1)).getResultList().stream().map(PublicCalendar::summary).collect(Collectors.toList()));
    }

    @Override
    public Optional<MeetingSummary> publicMeeting(long meetingId) {
        return Transactions.read(factory, em -> publicMeeting(em, meetingId).map(PublicCalendar::summary));
    }

    @Override
    public List<MeetingSummary> allPublicMeetings() {
        return Transactions.read(factory, em -> em.createQuery("SELECT m FROM Meeting m WHERE m.publicMeeting = :yes ORDER BY m.startDate, m.id",
                Meeting.class).setParameter("yes", Boolean.TRUE).getResultList().stream().map(PublicCalendar::summary).collect(Collectors.toList()));
    }

    @Override
    public List<PublicAgendaItem> publicAgenda(long meetingId) {
        return Transactions.read(factory, em -> {
            if (publicMeeting(em, meetingId).isEmpty()) {
                return List.<PublicAgendaItem>of();
            }
            List<AgendaItem> items = em.createQuery("SELECT a FROM AgendaItem a WHERE a.meetingId = :meeting", AgendaItem.class)
                    .setParameter("meeting", meetingId).getResultList();
            Map<Long, String> numbers = items.stream().collect(Collectors.toMap(a -> a.id, a -> a.number));
            Comparator<AgendaItem> byNumber = Comparator.comparing(a -> a.number, NaturalOrder.INSTANCE);
            List<PublicAgendaItem> agenda = new ArrayList<>();
            for (AgendaItem top : items.stream().filter(a -> a.parentId == null || !numbers.containsKey(a.parentId)).sorted(byNumber)
                    .collect(Collectors.toList())) {
                agenda.add(new PublicAgendaItem(meetingId, top.number, top.title, null));
                items.stream().filter(a -> Objects.equals(a.parentId, top.id)).sorted(byNumber)
                        .forEach(sub -> agenda.add(new PublicAgendaItem(meetingId, sub.number, sub.title, top.number)));
            }
            return agenda;
        });
    }

    @Override
    public List<PublicDocument> publicDocuments(long meetingId) {
        return Transactions.read(factory, em -> {
            if (publicMeeting(em, meetingId).isEmpty()) {
                return List.<PublicDocument>of();
            }
            return documents(em, em.createQuery("SELECT d FROM MeetingDocument d WHERE d.meetingId = :meeting"
                    + " AND d.publicDocument = :yes AND d.issuedOn IS NOT NULL ORDER BY d.category, d.sequence", MeetingDocument.class)
                    .setParameter("meeting", meetingId).setParameter("yes", Boolean.TRUE).getResultList());
        });
    }

    @Override
    public Optional<PublicDocument> publicDocument(long documentId) {
        return Transactions.read(factory, em -> publicDocument(em, documentId).map(d -> documents(em, List.of(d)).get(0)));
    }

    @Override
    public List<PublicDocument> recentPublicDocuments(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return Transactions.read(factory, em -> documents(em, em.createQuery(PUBLIC_DOCUMENTS + NEWEST_FIRST, MeetingDocument.class)
                .setParameter("yes", Boolean.TRUE).setMaxResults(limit).getResultList()));
    }

    @Override
    public List<PublicDocument> searchPublicDocuments(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        String pattern = LikePatterns.containing(text.trim().toLowerCase(Locale.ROOT));
        return Transactions.read(factory, em -> documents(em, em.createQuery(PUBLIC_DOCUMENTS
                + " AND (LOWER(d.title) LIKE :text ESCAPE '\\' OR LOWER(d.symbol) LIKE :text ESCAPE '\\')" + NEWEST_FIRST, MeetingDocument.class)
                .setParameter("yes", Boolean.TRUE).setParameter("text", pattern).setMaxResults(limit).getResultList()));
    }

    @Override
    public Optional<PublicDocumentFile> publicDocumentFile(long documentId, String language) {
        if (language == null || language.isBlank()) {
            return Optional.empty();
        }
        String code = language.trim().toLowerCase(Locale.ROOT);
        return Transactions.read(factory, em -> publicDocument(em, documentId).flatMap(document -> em.createQuery(
                "SELECT f FROM DocumentFile f WHERE f.documentId = :document AND f.language = :language ORDER BY f.revision DESC", DocumentFile.class)
                .setParameter("document", documentId).setParameter("language", code).setMaxResults(1).getResultList().stream().findFirst()
                .map(file -> file(document, file))));
    }

    private PublicDocumentFile file(MeetingDocument document, DocumentFile file) {
        Path stored = files.stored(file.sha256);
        return new PublicDocumentFile(document.id, document.symbol, file.language, file.revision, file.fileName, file.contentType, file.size,
                file.sha256, file.uploadedAt, () -> Files.newInputStream(stored));
    }

    /** The meeting if it is public. */
    private static Optional<Meeting> publicMeeting(EntityManager em, long meetingId) {
        return Optional.ofNullable(em.find(Meeting.class, meetingId)).filter(m -> m.publicMeeting);
    }

    /** The document if it is public, issued and of a public meeting. */
    private static Optional<MeetingDocument> publicDocument(EntityManager em, long documentId) {
        return Optional.ofNullable(em.find(MeetingDocument.class, documentId)).filter(d -> d.publicDocument && d.issuedOn != null)
                .filter(d -> publicMeeting(em, d.meetingId).isPresent());
    }

    /** The documents as the API shows them, in the order given, with their languages. */
    private static List<PublicDocument> documents(EntityManager em, List<MeetingDocument> documents) {
        Map<Long, List<String>> languages = languagesOf(em, documents.stream().map(d -> d.id).collect(Collectors.toList()));
        return documents.stream().map(d -> new PublicDocument(d.meetingId, d.id, d.symbol, d.title, d.category.name(),
                languages.getOrDefault(d.id, List.of()), d.issuedOn)).collect(Collectors.toList());
    }

    /** The languages each document has a file in. */
    private static Map<Long, List<String>> languagesOf(EntityManager em, List<Long> documentIds) {
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

    static MeetingSummary summary(Meeting meeting) {
        return new MeetingSummary(meeting.id, meeting.type, meeting.number, meeting.title, meeting.startDate, meeting.endDate,
                meeting.city, meeting.status, meeting.publicMeeting);
    }
}

package org.secretariat.meetings.impl.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.meetings.api.PublicDocument;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.MeetingDocument;
import org.secretariat.platform.api.persistence.Transactions;

/** What other modules (the website) see of meetings: public meetings and their issued public documents. */
@Component(service = MeetingCalendar.class)
public class PublicCalendar implements MeetingCalendar {

    private final EntityManagerFactory factory;
    private final Clock clock;

    @Activate
    public PublicCalendar(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory) {
        this(factory, Clock.systemUTC());
    }

    /** With a fixed clock, as a test wants. */
    PublicCalendar(EntityManagerFactory factory, Clock clock) {
        this.factory = factory;
        this.clock = clock;
    }

    @Override
    public List<MeetingSummary> upcomingPublicMeetings(int limit) {
        return Transactions.read(factory, em -> em.createQuery(
                "SELECT m FROM Meeting m WHERE m.publicMeeting = :yes AND m.endDate >= :today ORDER BY m.startDate, m.id", Meeting.class)
                .setParameter("yes", Boolean.TRUE).setParameter("today", LocalDate.now(clock)).setMaxResults(Math.max(0, limit))
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
    public List<PublicDocument> publicDocuments(long meetingId) {
        return Transactions.read(factory, em -> {
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

package org.secretariat.meetings.impl.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.MeetingDocument;
import org.secretariat.meetings.impl.domain.Participant;
import org.secretariat.meetings.impl.domain.RegistrationStatus;

/**
 * Since 1.2: "document available" notices. When a document of a meeting is issued to the public for the
 * first time, each approved participant of the meeting with an e-mail address is told, in their
 * language, in the transaction that publishes it; once per document and participant (a withdrawal and a
 * new publication do not tell them again).
 */
@Component(service = DocumentNotices.class)
public class DocumentNotices {

    private final Notices notices;

    @Activate
    public DocumentNotices(@Reference Notices notices) {
        this.notices = notices;
    }

    /** Queues the notices of a document just published; answers how many were queued. */
    int published(EntityManager em, Meeting meeting, MeetingDocument document) {
        if (!notices.available()) {
            return 0;
        }
        List<Participant> registered = em.createQuery("SELECT p FROM Participant p WHERE p.meetingId = :meeting AND p.status = :status"
                + " AND p.email IS NOT NULL ORDER BY p.id", Participant.class).setParameter("meeting", meeting.id)
                .setParameter("status", RegistrationStatus.APPROVED).getResultList();
        if (registered.isEmpty()) {
            return 0;
        }
        String languages = em.createQuery("SELECT DISTINCT f.language FROM DocumentFile f WHERE f.documentId = :document", String.class)
                .setParameter("document", document.id).getResultList().stream().sorted().collect(Collectors.joining(", "));
        int queued = 0;
        for (Participant participant : registered) {
            String language = participant.language == null ? notices.defaultLanguage() : participant.language;
            String name = Stream.of(participant.honorific, participant.givenName, participant.familyName).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining(" "));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("meeting", meeting.title);
            values.put("symbol", document.symbol);
            values.put("title", document.title);
            values.put("languages", languages);
            values.put("issued", Notices.day(document.issuedOn, language));
            queued += notices.queue(em, "meetings:document-available:" + document.id + ":" + participant.id, "document-available", language,
                    participant.email, name, values) == Notices.Outcome.QUEUED ? 1 : 0;
        }
        return queued;
    }
}

package org.secretariat.meetings.impl.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.domain.ProgrammeSession;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/** A meeting's programme: sessions on the meeting's days, from one time to a later one, with their room and the agenda items taken up. */
@Component(service = Programme.class)
public class Programme {

    /** A session as the API shows and takes it; an {@code id} sent is the one read, and ignored. */
    public record Session(Long id, LocalDate date, String startTime, String endTime, String room, String title, String agendaItems,
            Integer version) {
        static Session of(ProgrammeSession session) {
            return new Session(session.id, session.date, session.startTime, session.endTime, session.room, session.title, session.agendaItems,
                    session.version);
        }
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Announcements announcements;

    @Activate
    public Programme(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Announcements announcements) {
        this.factory = factory;
        this.meetings = meetings;
        this.announcements = announcements;
    }

    /** The session of that meeting, if there is one. */
    public Optional<ProgrammeSession> find(EntityManager em, long meetingId, long sessionId) {
        ProgrammeSession session = em.find(ProgrammeSession.class, sessionId);
        return session == null || session.meetingId != meetingId ? Optional.empty() : Optional.of(session);
    }

    private ProgrammeSession require(EntityManager em, long meetingId, long sessionId) {
        return find(em, meetingId, sessionId).orElseThrow(() -> DomainException.notFound("No session " + sessionId + " in meeting " + meetingId));
    }

    /** The sessions by day and time. */
    public List<Session> sessions(long meetingId) {
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            return em.createQuery("SELECT s FROM ProgrammeSession s WHERE s.meetingId = :meeting ORDER BY s.date, s.startTime, s.id",
                    ProgrammeSession.class).setParameter("meeting", meetingId).getResultList().stream().map(Session::of)
                    .collect(Collectors.toList());
        });
    }

    public Session add(long meetingId, Session body) {
        Session created = Transactions.inTransaction(factory, em -> {
            ProgrammeSession session = new ProgrammeSession();
            session.meetingId = meetingId;
            apply(body, meetings.require(em, meetingId), session);
            em.persist(session);
            em.flush();
            return Session.of(session);
        });
        announcements.meetingChanged(meetingId);
        return created;
    }

    public Session update(long meetingId, long sessionId, Session body) {
        Session updated = Transactions.inTransaction(factory, em -> {
            ProgrammeSession session = require(em, meetingId, sessionId);
            Fields.version(body == null ? null : body.version(), session.version, "Session " + sessionId);
            apply(body, meetings.require(em, meetingId), session);
            em.flush();
            return Session.of(session);
        });
        announcements.meetingChanged(meetingId);
        return updated;
    }

    public void delete(long meetingId, long sessionId) {
        Transactions.inTransaction(factory, em -> {
            em.remove(require(em, meetingId, sessionId));
            return null;
        });
        announcements.meetingChanged(meetingId);
    }

    private static void apply(Session body, Meeting meeting, ProgrammeSession session) {
        if (body == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        session.date = Fields.present("date", body.date(), "the day of the session");
        if (session.date.isBefore(meeting.startDate) || session.date.isAfter(meeting.endDate)) {
            throw DomainException.invalid("date", "the session's date must be within the meeting (" + meeting.startDate + " to " + meeting.endDate + ")");
        }
        session.startTime = time("startTime", body.startTime());
        session.endTime = time("endTime", body.endTime());
        if (session.endTime.compareTo(session.startTime) <= 0) {
            throw DomainException.invalid("endTime", "endTime must be after startTime");
        }
        session.room = Fields.optional("room", body.room(), 100);
        session.title = Fields.required("title", body.title(), 300);
        session.agendaItems = Fields.optional("agendaItems", body.agendaItems(), 300);
    }

    private static String time(String field, String value) {
        String time = Fields.required(field, value, 5);
        if (!time.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
            throw DomainException.invalid(field, field + " is a time like 09:30");
        }
        return time;
    }
}

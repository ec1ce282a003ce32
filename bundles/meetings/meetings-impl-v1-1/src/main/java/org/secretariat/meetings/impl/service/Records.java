package org.secretariat.meetings.impl.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.MeetingRecord;
import org.secretariat.meetings.impl.domain.RecordRevision;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Summary records and minutes of a meeting or one of its sessions. Every version is kept as a
 * revision (1, 2, ...) with its text, who wrote it, when, and a note on what changed.
 */
@Component(service = Records.class)
public class Records {

    /** A record as the API takes it; {@code note} says what a revision changed. */
    public record Input(Long sessionId, String title, String text, String note, Integer version) {
    }

    /** A record as the API shows it: its current revision. */
    public record View(Long id, Long sessionId, String title, String text, int revision, Instant updatedAt, String updatedBy, int version) {
        static View of(MeetingRecord record) {
            return new View(record.id, record.sessionId, record.title, record.text, record.revision, record.updatedAt, record.updatedBy,
                    record.version);
        }
    }

    /** One revision of a record. */
    public record Revision(int revision, String title, String text, String note, String changedBy, Instant changedAt) {
        static Revision of(RecordRevision revision) {
            return new Revision(revision.revision, revision.title, revision.text, revision.note, revision.changedBy, revision.changedAt);
        }
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Programme programme;
    private final Clock clock;

    @Activate
    public Records(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Programme programme) {
        this(factory, meetings, programme, Clock.systemUTC());
    }

    /** With a fixed clock, as a test wants. */
    Records(EntityManagerFactory factory, Meetings meetings, Programme programme, Clock clock) {
        this.factory = factory;
        this.meetings = meetings;
        this.programme = programme;
        this.clock = clock;
    }

    public List<View> list(long meetingId) {
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            return em.createQuery("SELECT r FROM MeetingRecord r WHERE r.meetingId = :meeting ORDER BY r.id", MeetingRecord.class)
                    .setParameter("meeting", meetingId).getResultList().stream().map(View::of).collect(Collectors.toList());
        });
    }

    /** A new record, written by {@code user}: its revision 1, noted "first version" unless the body says otherwise. */
    public View add(long meetingId, Input body, String user) {
        return Transactions.inTransaction(factory, em -> {
            meetings.require(em, meetingId);
            MeetingRecord record = new MeetingRecord();
            record.meetingId = meetingId;
            record.revision = 1;
            apply(em, body, record, user);
            em.persist(record);
            em.flush();
            String note = Fields.optional("note", body.note(), 500);
            keepRevision(em, record, note == null ? "first version" : note);
            return View.of(record);
        });
    }

    /** The record's next revision, written by {@code user}. */
    public View update(long meetingId, long recordId, Input body, String user) {
        return Transactions.inTransaction(factory, em -> {
            MeetingRecord record = require(em, meetingId, recordId);
            Fields.version(body == null ? null : body.version(), record.version, "Record " + recordId);
            apply(em, body, record, user);
            record.revision++;
            em.flush();
            keepRevision(em, record, Fields.optional("note", body.note(), 500));
            return View.of(record);
        });
    }

    /** Every revision of a record, newest first. */
    public List<Revision> revisions(long meetingId, long recordId) {
        return Transactions.read(factory, em -> {
            require(em, meetingId, recordId);
            return em.createQuery("SELECT v FROM RecordRevision v WHERE v.recordId = :record ORDER BY v.revision DESC", RecordRevision.class)
                    .setParameter("record", recordId).getResultList().stream().map(Revision::of).collect(Collectors.toList());
        });
    }

    private static MeetingRecord require(EntityManager em, long meetingId, long recordId) {
        MeetingRecord record = em.find(MeetingRecord.class, recordId);
        if (record == null || record.meetingId != meetingId) {
            throw DomainException.notFound("No record " + recordId + " in meeting " + meetingId);
        }
        return record;
    }

    private void apply(EntityManager em, Input body, MeetingRecord record, String user) {
        if (body == null) {
            throw DomainException.invalid("text", "a JSON body is required");
        }
        if (body.sessionId() != null && programme.find(em, record.meetingId, body.sessionId()).isEmpty()) {
            throw DomainException.invalid("sessionId", "no session " + body.sessionId() + " in this meeting");
        }
        record.sessionId = body.sessionId();
        record.title = Fields.required("title", body.title(), 300);
        record.text = Fields.required("text", body.text(), 16000);
        record.updatedAt = Instant.now(clock);
        record.updatedBy = user;
    }

    private static void keepRevision(EntityManager em, MeetingRecord record, String note) {
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
}

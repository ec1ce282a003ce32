package org.secretariat.meetings.impl.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.ActionReminder;
import org.secretariat.meetings.impl.domain.ActionStatus;
import org.secretariat.meetings.impl.domain.FollowUpAction;
import org.secretariat.platform.api.domain.DomainException;
import org.secretariat.platform.api.domain.Fields;
import org.secretariat.platform.api.persistence.Transactions;

/** Follow-up actions of a meeting (optionally of one of its decisions): who does what by when; those still open after their due date are overdue. */
@Component(service = Actions.class)
public class Actions {

    /** An action as the API takes it; 1.2: the owner's address and language, where reminders go. */
    public record Input(Long decisionId, String title, String owner, LocalDate dueDate, ActionStatus status, Integer version, String ownerEmail,
            String ownerLanguage) {

        /** Without the owner's address, as 1.1 took it. */
        public Input(Long decisionId, String title, String owner, LocalDate dueDate, ActionStatus status, Integer version) {
            this(decisionId, title, owner, dueDate, status, version, null, null);
        }
    }

    /** The last reminder of an action: its kind, the due date it was about, and what became of it (to whom, or why not). */
    public record Reminder(String kind, LocalDate dueDate, String outcome, String sentTo, java.time.Instant triedAt) {
        static Reminder of(ActionReminder r) {
            return new Reminder(r.kind, r.dueDate, r.outcome, r.sentTo, r.triedAt);
        }
    }

    /** An action as the API shows it; 1.2: the owner's address and language, and its last {@code reminder}. */
    public record View(Long id, long meetingId, Long decisionId, String title, String owner, LocalDate dueDate, ActionStatus status,
            int version, String ownerEmail, String ownerLanguage, Reminder reminder) {
        static View of(FollowUpAction action, Reminder reminder) {
            return new View(action.id, action.meetingId, action.decisionId, action.title, action.owner, action.dueDate, action.status,
                    action.version, action.ownerEmail, action.ownerLanguage, reminder);
        }
    }

    private final EntityManagerFactory factory;
    private final Meetings meetings;
    private final Decisions decisions;
    private final Clock clock;

    @Activate
    public Actions(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Meetings meetings,
            @Reference Decisions decisions) {
        this(factory, meetings, decisions, Clock.systemUTC());
    }

    /** With a fixed clock, as a test wants. */
    Actions(EntityManagerFactory factory, Meetings meetings, Decisions decisions, Clock clock) {
        this.factory = factory;
        this.meetings = meetings;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** A meeting's actions by due date. */
    public List<View> list(long meetingId) {
        return Transactions.read(factory, em -> {
            meetings.require(em, meetingId);
            Map<Long, Reminder> reminders = new HashMap<>();
            for (ActionReminder r : em.createQuery("SELECT r FROM ActionReminder r WHERE r.actionId IN (SELECT a.id FROM FollowUpAction a"
                    + " WHERE a.meetingId = :meeting) ORDER BY r.triedAt, r.id", ActionReminder.class).setParameter("meeting", meetingId).getResultList()) {
                reminders.put(r.actionId, Reminder.of(r));
            }
            return em.createQuery("SELECT a FROM FollowUpAction a WHERE a.meetingId = :meeting ORDER BY a.dueDate, a.id", FollowUpAction.class)
                    .setParameter("meeting", meetingId).getResultList().stream().map(a -> View.of(a, reminders.get(a.id)))
                    .collect(Collectors.toList());
        });
    }

    /** Actions still open after their due date, across meetings, oldest first (at most 500). */
    public List<View> overdue() {
        return Transactions.read(factory, em -> em.createQuery(
                "SELECT a FROM FollowUpAction a WHERE a.status = :open AND a.dueDate < :today ORDER BY a.dueDate, a.id", FollowUpAction.class)
                .setParameter("open", ActionStatus.OPEN).setParameter("today", LocalDate.now(clock)).setMaxResults(500).getResultList()
                .stream().map(a -> View.of(a, null)).collect(Collectors.toList()));
    }

    /** A new action, open unless the body says otherwise. */
    public View add(long meetingId, Input body) {
        return Transactions.inTransaction(factory, em -> {
            meetings.require(em, meetingId);
            FollowUpAction action = new FollowUpAction();
            action.meetingId = meetingId;
            apply(em, body, action);
            em.persist(action);
            em.flush();
            return View.of(action, null);
        });
    }

    public View update(long meetingId, long actionId, Input body) {
        return Transactions.inTransaction(factory, em -> {
            FollowUpAction action = em.find(FollowUpAction.class, actionId);
            if (action == null || action.meetingId != meetingId) {
                throw DomainException.notFound("No action " + actionId + " in meeting " + meetingId);
            }
            Fields.version(body == null ? null : body.version(), action.version, "Action " + actionId);
            apply(em, body, action);
            em.flush();
            return View.of(action, null);
        });
    }

    private void apply(EntityManager em, Input body, FollowUpAction action) {
        if (body == null) {
            throw DomainException.invalid("title", "a JSON body is required");
        }
        if (body.decisionId() != null) {
            decisions.require(em, action.meetingId, body.decisionId());
        }
        action.decisionId = body.decisionId();
        action.title = Fields.required("title", body.title(), 500);
        action.owner = Fields.required("owner", body.owner(), 200);
        action.dueDate = body.dueDate();
        action.ownerEmail = Fields.email("ownerEmail", body.ownerEmail());
        action.ownerLanguage = Participants.language("ownerLanguage", body.ownerLanguage());
        action.status = body.status() == null ? ActionStatus.OPEN : body.status();
    }
}

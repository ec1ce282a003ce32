package org.secretariat.meetings.impl.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.impl.domain.ActionReminder;
import org.secretariat.meetings.impl.domain.ActionStatus;
import org.secretariat.meetings.impl.domain.FollowUpAction;
import org.secretariat.meetings.impl.domain.Meeting;
import org.secretariat.meetings.impl.service.Notices;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * Reminders of open follow-up actions: "due soon" once an action is due within {@code dueSoonDays}, and
 * "overdue" once its due date has passed; each once per action and due date (a new due date reminds
 * again), queued through the platform's Mailer in one transaction per action with the key
 * {@code meetings-action-<id>-<due>-<kind>}, so a run repeated or restarted never sends twice. A reminder
 * goes to the owner's address, in their language, or without one to the unit's address
 * ({@code unitAddress}); with neither, nothing is sent and the action's reminder says so
 * ({@code NO_RECIPIENT}), as it says {@code NO_MAILER} without the platform's mail part. Those not queued
 * are tried again on the next run. Configuration {@code org.secretariat.meetings.reminders}.
 */
@Component(service = ActionReminders.class, configurationPid = ActionReminders.PID)
public class ActionReminders {

    public static final String PID = "org.secretariat.meetings.reminders";
    static final String DUE_SOON = "DUE_SOON";
    static final String OVERDUE = "OVERDUE";
    /** An action's reminder was queued; the others say why not. */
    static final String QUEUED = "QUEUED";

    private static final Logger LOG = Logger.getLogger(ActionReminders.class.getName());

    /** Configuration {@code org.secretariat.meetings.reminders}. */
    public @interface Config {
        /** Whether the daily job runs (the trigger runs it anyway). */
        boolean enabled() default true;

        /** The hour of the day (0-23, the server's time zone) the job runs at; -1: every 24 hours from activation. */
        int hour() default -1;

        /** How many days before the due date an action is "due soon". */
        int dueSoonDays() default 7;

        /** Where reminders of actions whose owner has no address go, e.g. the unit's shared mailbox; empty: nowhere. */
        String unitAddress() default "";
    }

    /** What a run did with each action it looked at. */
    public record Item(long actionId, long meetingId, String title, String kind, LocalDate dueDate, String outcome, String sentTo) {
    }

    /** A run: the day, the counts, and each action reminded or not. */
    public record Report(LocalDate day, int dueSoon, int overdue, int queued, int sentBefore, int notQueued, int failed, List<Item> items) {
    }

    private final EntityManagerFactory factory;
    private final Notices notices;
    private final Clock clock;
    private volatile int dueSoonDays;
    private volatile String unitAddress;

    @Activate
    public ActionReminders(@Reference(target = "(osgi.unit.name=meetings)") EntityManagerFactory factory, @Reference Notices notices,
            Config config) {
        this(factory, notices, Clock.systemDefaultZone(), config.dueSoonDays(), config.unitAddress());
    }

    /** With a fixed clock and settings, as a test wants. */
    public ActionReminders(EntityManagerFactory factory, Notices notices, Clock clock, int dueSoonDays, String unitAddress) {
        this.factory = factory;
        this.notices = notices;
        this.clock = clock;
        apply(dueSoonDays, unitAddress);
    }

    @Modified
    void modified(Config config) {
        apply(config.dueSoonDays(), config.unitAddress());
    }

    private void apply(int days, String address) {
        dueSoonDays = Math.max(0, Math.min(days, 365));
        unitAddress = address == null || address.isBlank() ? null : address.strip();
    }

    /** Reminds of every open action due soon or overdue today, one transaction per action. */
    public Report run() {
        LocalDate today = LocalDate.now(clock);
        LocalDate soon = today.plusDays(dueSoonDays);
        List<Long> ids = Transactions.read(factory, em -> em.createQuery("SELECT a.id FROM FollowUpAction a WHERE a.status = :open"
                + " AND a.dueDate IS NOT NULL AND a.dueDate <= :soon ORDER BY a.dueDate, a.id", Long.class)
                .setParameter("open", ActionStatus.OPEN).setParameter("soon", soon).getResultList());
        List<Item> items = new ArrayList<>();
        int failed = 0;
        for (long id : ids) {
            try {
                Item item = Transactions.inTransaction(factory, em -> remind(em, id, today, soon));
                if (item != null) {
                    items.add(item);
                }
            } catch (RuntimeException e) {
                // Another node reminding of the same action at the same moment, or a refusal of the database: the next run tries again.
                failed++;
                LOG.log(Level.WARNING, "Reminder of follow-up action " + id + " not recorded: " + e);
            }
        }
        int dueSoon = (int) items.stream().filter(i -> i.kind().equals(DUE_SOON)).count();
        int queued = (int) items.stream().filter(i -> i.outcome().equals(QUEUED)).count();
        int before = (int) items.stream().filter(i -> i.outcome().equals("SENT_BEFORE")).count();
        return new Report(today, dueSoon, items.size() - dueSoon, queued, before, items.size() - queued - before, failed, items);
    }

    private Item remind(EntityManager em, long id, LocalDate today, LocalDate soon) {
        FollowUpAction action = em.find(FollowUpAction.class, id);
        if (action == null || action.status != ActionStatus.OPEN || action.dueDate == null || action.dueDate.isAfter(soon)) {
            return null;
        }
        String kind = action.dueDate.isBefore(today) ? OVERDUE : DUE_SOON;
        List<ActionReminder> earlier = em.createQuery("SELECT r FROM ActionReminder r WHERE r.actionId = :action AND r.dueDate = :due"
                + " AND r.kind = :kind", ActionReminder.class).setParameter("action", id).setParameter("due", action.dueDate)
                .setParameter("kind", kind).getResultList();
        ActionReminder reminder = earlier.isEmpty() ? null : earlier.get(0);
        if (reminder != null && QUEUED.equals(reminder.outcome)) {
            return new Item(id, action.meetingId, action.title, kind, action.dueDate, "SENT_BEFORE", reminder.sentTo);
        }
        String to = action.ownerEmail != null ? action.ownerEmail : unitAddress;
        String language = action.ownerEmail != null && action.ownerLanguage != null ? action.ownerLanguage : notices.defaultLanguage();
        String outcome;
        if (to == null) {
            outcome = "NO_RECIPIENT";
        } else {
            Meeting meeting = em.find(Meeting.class, action.meetingId);
            Notices.Outcome queued = notices.queue(em, key(id, action.dueDate, kind), kind.equals(OVERDUE) ? "action-overdue" : "action-due-soon",
                    language, to, action.ownerEmail != null ? action.owner : null, values(action, meeting, today, language));
            outcome = queued.queued() ? QUEUED : queued == Notices.Outcome.NO_MAILER ? "NO_MAILER" : queued.name();
        }
        if (reminder == null) {
            reminder = new ActionReminder();
            reminder.actionId = id;
            reminder.dueDate = action.dueDate;
            reminder.kind = kind;
            em.persist(reminder);
        }
        reminder.outcome = outcome;
        reminder.sentTo = QUEUED.equals(outcome) ? to : null;
        reminder.triedAt = Instant.now(clock);
        em.flush();
        return new Item(id, action.meetingId, action.title, kind, action.dueDate, outcome, reminder.sentTo);
    }

    /** The outbox's key of a reminder: one message per action, due date and kind, whatever the runs. */
    static String key(long actionId, LocalDate due, String kind) {
        return "meetings-action-" + actionId + "-" + due + "-" + (kind.equals(OVERDUE) ? "overdue" : "due-soon");
    }

    private static Map<String, String> values(FollowUpAction action, Meeting meeting, LocalDate today, String language) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("owner", action.owner);
        values.put("action", action.title);
        values.put("meeting", meeting == null ? "" : meeting.title);
        values.put("due", Notices.day(action.dueDate, language));
        values.put("days", String.valueOf(Math.abs(ChronoUnit.DAYS.between(today, action.dueDate))));
        return values;
    }
}

package org.secretariat.meetings.impl.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.cluster.Leases;

/**
 * Runs the reminders of follow-up actions daily on a thread of its own: first shortly after activation
 * (so a platform that was down at the hour catches up; reminders are idempotent), then at the configured
 * {@code hour} each day, or every 24 hours without one. Nothing runs while {@code enabled} is false.
 * With more than one platform node on the database, the node holding the lease {@value #LEASE} runs
 * it and the others skip that day's run (1.2.1; the reminders are idempotent by their outbox keys anyway).
 */
@Component(immediate = true, service = ReminderSchedule.class, configurationPid = ActionReminders.PID)
public class ReminderSchedule {

    /** How long after activation the first run comes: the platform has started meanwhile. */
    static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());
    static final String LEASE = "meetings-action-reminders";
    /** Longer than a run, shorter than the day between runs: a node that died holding it does not block tomorrow's. */
    private static final Duration LEASE_PERIOD = Duration.ofHours(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Leases leases;

    private final ActionReminders reminders;
    private final Clock clock = Clock.systemDefaultZone();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "meetings-action-reminders");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> next;
    private volatile ActionReminders.Config config;

    @Activate
    public ReminderSchedule(@Reference ActionReminders reminders, ActionReminders.Config config) {
        this.reminders = reminders;
        this.config = config;
        schedule(FIRST_RUN);
    }

    @Modified
    synchronized void modified(ActionReminders.Config changed) {
        config = changed;
        if (next != null) {
            next.cancel(false);
        }
        schedule(FIRST_RUN);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    private synchronized void schedule(Duration delay) {
        if (!config.enabled() || executor.isShutdown()) {
            next = null;
            return;
        }
        next = executor.schedule(this::runAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runAndReschedule() {
        Leases shared = leases;
        if (shared != null && !shared.hold(LEASE, LEASE_PERIOD)) {
            LOG.fine(() -> "Follow-up action reminders: another node runs them (" + shared.holder(LEASE).orElse("?") + ")");
            schedule(untilNext(ZonedDateTime.now(clock), config.hour()));
            return;
        }
        try {
            ActionReminders.Report report = reminders.run();
            LOG.info("Follow-up action reminders: " + report.queued() + " queued, " + report.notQueued() + " not queued, " + report.failed()
                    + " failed");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Follow-up action reminders failed; the next run tries again", e);
        }
        schedule(untilNext(ZonedDateTime.now(clock), config.hour()));
    }

    /** From {@code now} to the next run: the next {@code hour}:00 (0-23), or 24 hours without an hour. */
    public static Duration untilNext(ZonedDateTime now, int hour) {
        if (hour < 0 || hour > 23) {
            return Duration.ofHours(24);
        }
        ZonedDateTime at = now.toLocalDate().atTime(hour, 0).atZone(now.getZone());
        if (!at.isAfter(now)) {
            at = now.toLocalDate().plusDays(1).atTime(hour, 0).atZone(now.getZone());
        }
        return Duration.between(now, at);
    }
}

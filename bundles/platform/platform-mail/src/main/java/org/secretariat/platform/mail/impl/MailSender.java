package org.secretariat.platform.mail.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.mail.MessagingException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.cluster.Leases;
import org.secretariat.platform.api.health.HealthContributor;
import org.secretariat.platform.api.security.AuditLog;

/**
 * The background sender: one thread that looks at the outbox every few seconds (and right after a
 * message is queued), claims each due message, sends it by SMTP and marks it SENT; a failed attempt is
 * tried again after a back-off that doubles up to a cap, and after the last attempt the message is
 * FAILED with the reason. Every outcome is in the audit log ({@code mail.send}, the recipient, the
 * template and module; never the body).
 *
 * <p>At most once per claim: a message is claimed (committed) before it is sent, so two senders never
 * send it at the same time. SMTP has no exactly-once: when the platform dies after the server took the
 * message and before it is marked SENT, the message is sent once more when the claim runs out. It then
 * carries the same Message-ID, by which a receiver can recognise the copy.
 *
 * <p>With more than one node on the database, one node sends at a time: the one holding the lease
 * {@value #LEASE} (renewed each round; another node takes it over when it lapses).
 */
@Component(service = {MailSender.class, HealthContributor.class}, immediate = true, configurationPid = MailConfiguration.PID)
public class MailSender implements HealthContributor {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
    static final String ACTION = "mail.send";
    static final String LEASE = "mail-outbox";
    private static final Duration LEASE_PERIOD = Duration.ofSeconds(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Leases leases;
    private static final int BATCH = 20;
    /** After a message is queued, the sender looks this often for a while, until the queuing transaction is surely committed. */
    private static final Duration NUDGED_POLL = Duration.ofMillis(200);
    private static final Duration NUDGE_WINDOW = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration LOG_QUIET = Duration.ofMinutes(1);

    /** What the administration shows about sending. */
    public record Status(boolean configured, String reason, String server, String starttls, String from, String settingsProblem,
            long queued, long sent, long failed, Instant oldestQueuedAt, Instant lastSentAt, String lastError, Instant lastErrorAt) {
    }

    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final Object signal = new Object();
    private final Runnable nudge = this::nudge;
    private volatile MailSettings settings;
    private volatile String settingsProblem;
    private volatile boolean running;
    private volatile boolean nudged;
    private volatile Instant nudgedAt = Instant.EPOCH;
    private volatile Instant lastSentAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastLoggedAt = Instant.EPOCH;
    private Thread thread;

    @Activate
    public MailSender(MailConfiguration configuration, @Reference Outbox outbox, @Reference AuditLog audit) {
        this(configuration, outbox, audit, Clock.systemUTC());
        start();
    }

    MailSender(MailConfiguration configuration, Outbox outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        configure(configuration);
    }

    @Modified
    void modified(MailConfiguration configuration) {
        configure(configuration);
        nudge();
    }

    /** Takes the new settings, or keeps the last valid ones and says why in health. */
    private void configure(MailConfiguration configuration) {
        try {
            MailSettings checked = MailSettings.of(configuration);
            settings = checked;
            settingsProblem = null;
            LOG.info(() -> checked.configured() ? "Mail: sending through " + checked : "Mail: not sending, " + checked.notConfiguredReason());
        } catch (IllegalArgumentException e) {
            settingsProblem = e.getMessage();
            LOG.warning(() -> "Mail settings refused (" + MailConfiguration.PID + "): " + e.getMessage()
                    + (settings == null ? "; nothing is sent until they are corrected" : "; the last valid settings stay in use"));
        }
    }

    synchronized void start() {
        running = true;
        outbox.addQueuedListener(nudge);
        thread = new Thread(this::run, "secretariat-mail-sender");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    synchronized void stop() {
        running = false;
        outbox.removeQueuedListener(nudge);
        nudge();
        if (thread != null) {
            try {
                // The message being sent, if any, is finished and marked; an SMTP exchange is bounded by the timeouts.
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Look at the outbox now, and often for a short while (the queuing transaction commits soon). */
    void nudge() {
        synchronized (signal) {
            nudgedAt = clock.instant();
            nudged = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            boolean more = false;
            try {
                more = round();
            } catch (RuntimeException e) {
                // The database may be away (a full disk, a restart of a database server): try again at the next round.
                logQuietly(Level.WARNING, "Mail: the outbox could not be read or updated: " + e, e);
            }
            if (!more) {
                pause();
            }
        }
    }

    private void pause() {
        synchronized (signal) {
            if (!nudged && running) {
                MailSettings current = settings;
                Duration poll = current == null ? Duration.ofSeconds(5) : current.poll();
                Duration wait = nudgedAt.plus(NUDGE_WINDOW).isAfter(clock.instant()) ? NUDGED_POLL : poll;
                try {
                    signal.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            nudged = false;
        }
    }

    /**
     * One round: the due messages, oldest first, each claimed, sent and marked. Answers whether a full
     * batch was handled, so that the next round follows at once. A failure to reach the server ends the
     * round: the other messages wait for the next one rather than each waiting out the timeouts.
     */
    boolean round() {
        MailSettings current = settings;
        if (current == null || !current.configured()) {
            return false;
        }
        Leases shared = leases;
        if (shared != null && !shared.hold(LEASE, LEASE_PERIOD)) {
            return false;
        }
        List<Outbox.Due> due = outbox.due(clock.instant(), BATCH);
        if (due.isEmpty()) {
            return false;
        }
        try (SmtpConnection smtp = new SmtpConnection(current)) {
            for (Outbox.Due candidate : due) {
                Optional<Outbox.Claimed> claimed = outbox.claim(candidate, current.claim());
                if (claimed.isEmpty()) {
                    continue;
                }
                if (!attempt(smtp, claimed.get(), current)) {
                    return false;
                }
            }
        }
        return due.size() == BATCH && running;
    }

    /** Sends a claimed message and records the outcome; false when the server could not be reached at all. */
    private boolean attempt(SmtpConnection smtp, Outbox.Claimed claimed, MailSettings current) {
        try {
            smtp.send(claimed.mail(), clock.instant());
        } catch (MessagingException | RuntimeException e) {
            boolean reached = smtp.connected();
            smtp.close();
            failed(claimed, reason(e, current), current);
            return reached;
        }
        lastSentAt = clock.instant();
        if (!outbox.sent(claimed)) {
            LOG.warning(() -> "Mail: message " + claimed.id() + " was sent after its claim ran out; another sender may send it once more");
        }
        audit.record(null, ACTION, claimed.mail().to(), "sent", detail(claimed));
        return true;
    }

    private void failed(Outbox.Claimed claimed, String reason, MailSettings current) {
        lastError = reason;
        lastErrorAt = clock.instant();
        RetryPolicy retry = current.retry();
        if (retry.givesUpAfter(claimed.attempt())) {
            outbox.failed(claimed, reason);
            audit.record(null, ACTION, claimed.mail().to(), "failed", detail(claimed) + ": " + reason);
            LOG.warning(() -> "Mail: message " + claimed.id() + " to " + claimed.mail().to() + " given up after " + claimed.attempt()
                    + " attempts: " + reason);
        } else {
            Instant next = clock.instant().plus(retry.delayAfter(claimed.attempt()));
            outbox.retryAt(claimed, next, reason);
            audit.record(null, ACTION, claimed.mail().to(), "retry", detail(claimed) + ", next at " + next + ": " + reason);
            logQuietly(Level.INFO, "Mail: message " + claimed.id() + " not sent (attempt " + claimed.attempt() + "), next at " + next + ": "
                    + reason, null);
        }
    }

    private static String detail(Outbox.Claimed claimed) {
        return "template " + claimed.mail().template() + " of module " + claimed.mail().module() + ", key " + claimed.mail().key()
                + ", attempt " + claimed.attempt();
    }

    /**
     * What went wrong, in the server's words when it answered (its reply is in the exception's message)
     * or the connection's; the password never, even if a server were to echo it.
     */
    static String reason(Exception failure, MailSettings settings) {
        Set<String> parts = new LinkedHashSet<>();
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 5; depth++) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                parts.add(cause.getMessage().strip().replaceAll("\\s+", " "));
            } else {
                parts.add(cause.getClass().getSimpleName());
            }
            Throwable next = cause instanceof MessagingException messaging && messaging.getNextException() != null
                    ? messaging.getNextException() : cause.getCause();
            cause = next == cause ? null : next;
        }
        String reason = String.join(": ", parts);
        if (settings.password() != null && reason.contains(settings.password())) {
            reason = reason.replace(settings.password(), "***");
        }
        return reason;
    }

    private void logQuietly(Level level, String message, Throwable failure) {
        Instant now = clock.instant();
        if (lastLoggedAt.plus(LOG_QUIET).isBefore(now)) {
            lastLoggedAt = now;
            LOG.log(level, message, failure);
        } else {
            LOG.log(Level.FINE, message, failure);
        }
    }

    /** Whether messages can go out, why not, the server, the outbox's counts and the last outcome. */
    public Status status() {
        MailSettings current = settings;
        Outbox.Counts counts = outbox.counts();
        boolean configured = current != null && current.configured();
        String reason = current == null ? "the mail settings are not valid: " + settingsProblem : current.notConfiguredReason();
        return new Status(configured, reason, current == null || current.host() == null ? null : current.host() + ":" + current.port(),
                current == null ? null : current.starttls().name().toLowerCase(java.util.Locale.ROOT),
                current == null ? null : current.fromAddress(), settingsProblem, counts.queued(), counts.sent(), counts.failed(),
                counts.oldestQueuedAt(), lastSentAt, lastError, lastErrorAt);
    }

    /** The sender's address, for the test message's text; null when none is set. */
    String fromAddress() {
        MailSettings current = settings;
        return current == null ? null : current.fromAddress();
    }

    /**
     * Settings that were refused make health DOWN until corrected. Settings that leave out the host are
     * no problem of health: a platform may run without e-mail, and its messages wait; the mail page and
     * {@code /api/platform/mail/status} say so.
     */
    @Override
    public Map<String, List<String>> problems() {
        String problem = settingsProblem;
        return problem == null ? Map.of()
                : Map.of(PLATFORM, List.of("mail settings in etc/" + MailConfiguration.PID + ".config refused: " + problem
                        + (settings == null ? "; nothing is sent" : "; the last valid settings stay in use")));
    }
}

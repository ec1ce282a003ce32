package org.secretariat.sponsorship.impl.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.secretariat.platform.api.cluster.Leases;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.AuditLog;
import org.secretariat.sponsorship.impl.domain.Application;

/**
 * Erases an application's personal data once its retention date has passed (the day after
 * {@code retainUntil}): the names (the family name becomes {@value #ERASED}), the e-mail and consent,
 * the link to the contacts person and to the meeting's participant, the mandate (a presidency names one
 * person), the free text that can name the person (the reasons of its decisions and of its adjustment)
 * and the nomination letter, whose file goes once no application names it. What the donor report and the
 * anonymised statistics count stays: state, treaty status, region, gender, fare and costs, status,
 * attendance. One transaction per application, each recorded in the platform's audit trail. Runs every
 * day at {@value #HOUR}:00 UTC while the module is active, on one node when several share the database
 * (the lease {@value #LEASE}); an administrator may run it now.
 */
@Component(service = Retention.class)
public class Retention {

    /** The hour (UTC) of the daily run. */
    static final int HOUR = 2;
    /** The lease the daily run takes when several platform nodes share the database: one node erases. */
    static final String LEASE = "sponsorship-retention";
    /** Longer than a run, shorter than the day between runs: a node that died holding it does not block tomorrow's. */
    private static final Duration LEASE_PERIOD = Duration.ofHours(1);

    /** What an erased application's family name reads. */
    public static final String ERASED = "erased";

    /** A run: the day it ran for, the applications erased, the letter files deleted, and those it could not erase (tried again next time). */
    public record Report(LocalDate day, int erased, List<Long> applications, int lettersDeleted, int failed) {
    }

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    private final EntityManagerFactory factory;
    private final Letters letters;
    private final AuditLog audit;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Leases leases;

    @Activate
    public Retention(@Reference(target = "(osgi.unit.name=sponsorship)") EntityManagerFactory factory, @Reference Letters letters,
            @Reference AuditLog audit) {
        this(factory, letters, audit, Clock.systemUTC());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sponsorship-retention");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::runQuietly, untilNextRun(Instant.now()).toMinutes(), TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    /** How long until the next daily run, at {@value #HOUR}:00 UTC (a quiet hour; a day's erasures wait at most a day). */
    static Duration untilNextRun(Instant now) {
        ZonedDateTime at = now.atZone(ZoneOffset.UTC);
        ZonedDateTime next = at.toLocalDate().atTime(HOUR, 0).atZone(ZoneOffset.UTC);
        return Duration.between(at, next.isAfter(at) ? next : next.plusDays(1));
    }

    Retention(EntityManagerFactory factory, Letters letters, AuditLog audit, Clock clock) {
        this.factory = factory;
        this.letters = letters;
        this.audit = audit;
        this.clock = clock;
    }

    /** With the platform's leases given, as a test of several nodes wants. */
    Retention(EntityManagerFactory factory, Letters letters, AuditLog audit, Clock clock, Leases leases) {
        this(factory, letters, audit, clock);
        this.leases = leases;
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** Erases every application past its retention date, one transaction each; {@code actor} null: the daily job. */
    public Report run(String actor) {
        LocalDate today = LocalDate.now(clock);
        List<Long> due = Transactions.read(factory, em -> em.createQuery("SELECT a.id FROM Application a WHERE a.erasedOn IS NULL"
                + " AND a.retainUntil < :today ORDER BY a.id", Long.class).setParameter("today", today).getResultList());
        List<Long> erased = new ArrayList<>();
        int lettersDeleted = 0;
        int failed = 0;
        for (long id : due) {
            Erased done;
            try {
                done = Transactions.inTransaction(factory, em -> erase(em, id, today));
            } catch (RuntimeException e) {
                // A concurrent change (409 on the version) or a refusal of the database: the next run tries again.
                failed++;
                LOG.log(Level.WARNING, "Personal data of sponsorship application " + id + " not erased: " + e);
                continue;
            }
            if (done == null) {
                continue;
            }
            erased.add(id);
            audit.record(actor, "sponsorship.application.erase", "/api/sponsorship/programmes/" + done.programmeId() + "/applications/" + id,
                    "success", "personal data erased after retention (retainUntil " + done.retainUntil() + ")");
            if (done.letter() != null) {
                try {
                    lettersDeleted += letters.deleteUnused(done.letter()) ? 1 : 0;
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the nomination letter " + done.letter(), e);
                }
            }
        }
        if (!erased.isEmpty()) {
            LOG.info("Erased the personal data of " + erased.size() + " sponsorship application(s) past their retention date");
        }
        return new Report(today, erased.size(), erased, lettersDeleted, failed);
    }

    private record Erased(long programmeId, LocalDate retainUntil, String letter) {
    }

    private static Erased erase(EntityManager em, long id, LocalDate today) {
        Application a = em.find(Application.class, id);
        if (a == null || a.erasedOn != null || !a.retainUntil.isBefore(today)) {
            return null;
        }
        String letter = a.letterSha256;
        a.personId = null;
        a.givenName = null;
        a.familyName = ERASED;
        a.email = null;
        a.consent = false;
        a.mandateHolder = false;
        a.participantId = null;
        a.letterSha256 = null;
        a.letterName = null;
        a.letterSize = null;
        a.reason = a.reason == null ? null : ERASED;
        a.adjustmentReason = a.adjustmentReason == null ? null : ERASED;
        a.erasedOn = today;
        em.createQuery("UPDATE Decision d SET d.reason = :erased WHERE d.applicationId = :id").setParameter("erased", ERASED)
                .setParameter("id", id).executeUpdate();
        em.flush();
        return new Erased(a.programmeId, a.retainUntil, letter);
    }

    /**
     * The daily run: on the node holding the lease {@value #LEASE} when several nodes share the database
     * (another node's run is skipped; an erasure is idempotent anyway), on this one without the platform's
     * leases. Answers null when another node runs it.
     */
    Report daily() {
        Leases shared = leases;
        if (shared != null && !shared.hold(LEASE, LEASE_PERIOD)) {
            LOG.fine(() -> "Erasure after retention: another node runs it (" + shared.holder(LEASE).orElse("?") + ")");
            return null;
        }
        return run(null);
    }

    private void runQuietly() {
        try {
            daily();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not erase the sponsorship applications past their retention; trying again tomorrow", e);
        }
    }
}

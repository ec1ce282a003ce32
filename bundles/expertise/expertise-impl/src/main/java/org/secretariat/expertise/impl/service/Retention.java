package org.secretariat.expertise.impl.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
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
import org.secretariat.expertise.impl.domain.Expert;
import org.secretariat.platform.api.persistence.FileStorage;
import org.secretariat.platform.api.persistence.Transactions;

/**
 * How long a profile is kept. Consent is given for {@link #DEFAULT_RETENTION} unless the staff set an
 * earlier or later day (at most {@link #LONGEST_RETENTION} after consent). The day after
 * {@code retainUntil} the profile is hidden: no list shows it unless asked ({@code includeHidden=true}),
 * no match proposes it, no self-service link opens it, the public never saw it; staff can still renew it
 * with a new consent. {@value #GRACE_DAYS} days after {@code retainUntil} it is deleted with its
 * availability and CV (requests and contracts keep their own data, without the link to the expert).
 * The deletion runs when the module starts and then once a day, on one node at a time: the one
 * holding the platform's lease {@value #LEASE} when several share the database (1.1.0).
 */
@Component(service = Retention.class)
public class Retention {

    static final Period DEFAULT_RETENTION = Period.ofYears(3);
    static final Period LONGEST_RETENTION = Period.ofYears(5);
    static final int GRACE_DAYS = 90;

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());
    static final String LEASE = "expertise-retention";
    /** Longer than a run, shorter than the day between runs. */
    private static final java.time.Duration LEASE_PERIOD = java.time.Duration.ofHours(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Leases leases;

    private final EntityManagerFactory factory;
    private final FileStorage storage;
    private final Clock clock;
    private ScheduledExecutorService timer;

    @Activate
    public Retention(@Reference(target = "(osgi.unit.name=expertise)") EntityManagerFactory factory, @Reference FileStorage storage) {
        this(factory, storage, Clock.systemUTC());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "expertise-retention");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::purgeQuietly, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    public Retention(EntityManagerFactory factory, FileStorage storage, Clock clock) {
        this.factory = factory;
        this.storage = storage;
        this.clock = clock;
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    static boolean hidden(Expert expert, LocalDate today) {
        return today.isAfter(expert.retainUntil);
    }

    /** The last day the profile exists: after it, it is deleted. */
    static LocalDate deletedAfter(Expert expert) {
        return expert.retainUntil.plusDays(GRACE_DAYS);
    }

    /** Deletes a profile at once (the expert withdrew consent), with its availability and CV. */
    public void withdraw(long id) {
        String cv = Transactions.inTransaction(factory, em -> {
            Expert expert = Experts.require(em, id);
            String sha = expert.cvSha256;
            erase(em, expert);
            return sha;
        });
        if (cv != null) {
            removeUnusedCv(cv);
        }
    }

    /** Deletes the profiles past their grace period; answers how many. */
    public int purge() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<String> cvs = new java.util.ArrayList<>();
        int deleted = Transactions.inTransaction(factory, em -> {
            List<Expert> due = em.createQuery("SELECT e FROM Expert e WHERE e.retainUntil < :limit", Expert.class)
                    .setParameter("limit", today.minusDays(GRACE_DAYS)).getResultList();
            for (Expert expert : due) {
                if (expert.cvSha256 != null) {
                    cvs.add(expert.cvSha256);
                }
                erase(em, expert);
            }
            return due.size();
        });
        cvs.forEach(this::removeUnusedCv);
        if (deleted > 0) {
            LOG.info("Deleted " + deleted + " expert profile(s) past their retention and grace period");
        }
        return deleted;
    }

    private void purgeQuietly() {
        Leases shared = leases;
        if (shared != null && !shared.hold(LEASE, LEASE_PERIOD)) {
            return;
        }
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete the expert profiles past their retention; trying again tomorrow", e);
        }
    }

    /** Removes a profile and what hangs on it, in the caller's transaction. */
    static void erase(EntityManager em, Expert expert) {
        em.createQuery("DELETE FROM Availability a WHERE a.expertId = :id").setParameter("id", expert.id).executeUpdate();
        em.createQuery("UPDATE ExpertiseRequest r SET r.expertId = NULL WHERE r.expertId = :id").setParameter("id", expert.id).executeUpdate();
        em.createQuery("UPDATE Contract c SET c.expertId = NULL WHERE c.expertId = :id").setParameter("id", expert.id).executeUpdate();
        em.remove(expert);
    }

    /** The CV file, once no profile names it (files are kept by checksum, so two experts may share one). */
    void removeUnusedCv(String sha256) {
        long users = Transactions.read(factory, em -> em.createQuery("SELECT COUNT(e) FROM Expert e WHERE e.cvSha256 = :sha", Long.class)
                .setParameter("sha", sha256).getSingleResult());
        if (users == 0) {
            try {
                Files.deleteIfExists(Cvs.file(storage, sha256));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Could not delete the CV " + sha256, e);
            }
        }
    }

    static Path folder(FileStorage storage) {
        return storage.folder("expertise").resolve("cv");
    }
}

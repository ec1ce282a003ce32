package org.secretariat.platform.modules.impl;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.secretariat.platform.api.cluster.Leases;

/**
 * One module operation at a time across every node sharing the database: the operation holds the
 * lease {@value #NAME}, renewed while it runs, released at its end; a node that dies mid-operation
 * loses it when it lapses ({@link #PERIOD}).
 */
final class OperationLease implements AutoCloseable {

    static final String NAME = "module-operation";
    static final Duration PERIOD = Duration.ofSeconds(30);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);

    private final Leases leases;
    private final ScheduledExecutorService renewal;

    private OperationLease(Leases leases) {
        this.leases = leases;
        this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "secretariat-module-operation-lease");
            thread.setDaemon(true);
            return thread;
        });
        renewal.scheduleWithFixedDelay(() -> leases.hold(NAME, PERIOD), RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease for an operation, or refuses with a 409 naming the node that runs one.
     * Without the lease service (a framework without the platform's persistence) nothing is shared.
     */
    static OperationLease take(Leases leases) {
        if (leases == null) {
            return null;
        }
        if (!leases.hold(NAME, PERIOD)) {
            String holder = leases.holder(NAME).orElse("another node");
            throw new ModuleOperationException(409, "Another module operation is running on node " + holder
                    + ": one operation at a time across the nodes");
        }
        return new OperationLease(leases);
    }

    @Override
    public void close() {
        renewal.shutdownNow();
        leases.release(NAME);
    }
}

package org.secretariat.platform.modules.impl;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Whether the framework has finished starting: every start level reached, every bundle started (Felix makes the system
 * bundle ACTIVE only then). Module work refreshes bundles, and a refresh asked during the start waits for the locks the
 * start holds: the launcher starts the JAX-RS whiteboard last, and a refresh asked while it was starting never completed
 * (CrashHarnessIT). So the recovery after a crash, the cluster follower's rounds and the operations wait for this.
 */
final class FrameworkStart {

    private static final Logger LOG = Logger.getLogger(FrameworkStart.class.getName());
    /** How long the recovery waits for the start before it goes on anyway, with a warning. */
    static final Duration WAIT = Duration.ofMinutes(5);

    private final BundleContext context;

    FrameworkStart(BundleContext context) {
        this.context = context;
    }

    boolean done() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_ID);
        return system != null && system.getState() == Bundle.ACTIVE;
    }

    /**
     * Waits until {@link #done()}, at most {@link #WAIT}.
     *
     * @param stopped true once the caller stopped (the platform stops before it finished starting)
     * @return false when stopped or interrupted meanwhile: the work waiting for the start is not to be done
     */
    boolean await(BooleanSupplier stopped) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done()) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                LOG.warning("The framework has not finished starting after " + WAIT.toSeconds() + " s; module work goes on now");
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopped.getAsBoolean();
    }
}

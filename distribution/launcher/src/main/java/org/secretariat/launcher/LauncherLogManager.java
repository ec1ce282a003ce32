package org.secretariat.launcher;

import java.util.logging.LogManager;

/**
 * The JDK resets logging from its own shutdown hook, which would silence the platform while it
 * stops (Derby's clean shutdown among it). This manager ignores that reset; the launcher resets it
 * itself once the framework has stopped. Installed with {@code -Djava.util.logging.manager}.
 */
public final class LauncherLogManager extends LogManager {

    private volatile boolean resetAllowed;

    @Override
    public void reset() {
        if (resetAllowed) {
            super.reset();
        }
    }

    /** Closes the log files for good. */
    void finish() {
        resetAllowed = true;
        super.reset();
    }
}

package org.secretariat.platform.persistence.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.health.HealthContributor;
import org.secretariat.platform.api.persistence.StorageFailures;

/**
 * A full or read-only data folder: writes are refused with a clear answer (the REST layer asks
 * {@link #report}), health names the condition, and once there is room again the embedded database
 * (which Derby keeps read-only after a failed page write) is rebooted so writes resume without a
 * restart. Nothing is half-written: Derby rolls the failed transaction back, files are written under
 * a temporary name and renamed when whole.
 */
@Component(service = {StorageFailures.class, HealthContributor.class})
public class StorageGuard implements StorageFailures, HealthContributor {

    private static final Logger LOG = Logger.getLogger(StorageGuard.class.getName());
    /** Room needed before writes are tried again. */
    static final long RESUME_AT_BYTES = 16L * 1024 * 1024;

    private final PlatformDataSource dataSource;
    private final Path data;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "secretariat-storage-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String problem;
    private ScheduledFuture<?> watching;

    @Activate
    public StorageGuard(BundleContext context, @Reference PlatformDataSource dataSource) {
        this.dataSource = dataSource;
        String folder = context.getProperty("secretariat.data");
        this.data = Path.of(folder == null ? "data" : folder).toAbsolutePath();
    }

    @Deactivate
    void stop() {
        watch.shutdownNow();
    }

    @Override
    public boolean report(Throwable failure) {
        String cause = storageCause(failure);
        if (cause == null) {
            return false;
        }
        synchronized (this) {
            if (problem == null) {
                problem = "the data folder " + data + " refuses writes (" + cause + "): free space there; writes resume by themselves";
                LOG.severe(() -> "Storage full or read-only: " + cause + "; writes are refused (507) until there is room again");
                watching = watch.scheduleWithFixedDelay(this::tryToResume, 2, 2, TimeUnit.SECONDS);
            }
        }
        return true;
    }

    /** The storage condition behind a failure, or null when it is something else. */
    static String storageCause(Throwable failure) {
        return StorageFailures.causeOf(failure);
    }

    private synchronized void tryToResume() {
        if (problem == null) {
            return;
        }
        try {
            if (Files.getFileStore(data).getUsableSpace() < RESUME_AT_BYTES) {
                return;
            }
            Path probe = Files.createTempFile(data, ".room", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return;
        }
        if (dataSource.embedded()) {
            dataSource.shutDownEmbedded();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (dataSource.embedded()) {
                // A checkpoint writes pages and log: it succeeds only when the database takes writes again.
                try (CallableStatement checkpoint = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()")) {
                    checkpoint.execute();
                }
            }
            problem = null;
            watching.cancel(false);
            LOG.info("Storage has room again: the database was reopened and writes resume");
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Storage not writable yet: " + e.getMessage());
        }
    }

    @Override
    public Map<String, List<String>> problems() {
        String current = problem;
        return current == null ? Map.of() : Map.of(HealthContributor.PLATFORM, List.of(current));
    }
}

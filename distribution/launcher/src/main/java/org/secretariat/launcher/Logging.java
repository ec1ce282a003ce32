package org.secretariat.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * One log for the whole platform through java.util.logging: to the console and to rotating files in
 * {@code <data>/logs/}. Bundles reach it directly, through slf4j (slf4j-jdk14) and through the OSGi
 * Log Service (forwarded by the platform); the framework's own messages come through {@link FrameworkLogger}.
 */
final class Logging {

    /** java.util.logging keeps loggers weakly: the levels set here hold only while these references do. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.ArrayList<>();

    private static final String FORMAT = "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n";

    private Logging() {
    }

    static void configure(Path logs, Level level) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format", FORMAT);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        SimpleFormatter formatter = new SimpleFormatter();
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(formatter);
        console.setLevel(level);
        FileHandler file = new FileHandler(logs.resolve("secretariat.%g.log").toString(), 10 * 1024 * 1024, 5, true);
        file.setFormatter(formatter);
        file.setLevel(level);
        file.setEncoding("UTF-8");
        root.addHandler(console);
        root.addHandler(file);
        root.setLevel(level);
        // Libraries that are chatty at INFO say nothing an operator needs.
        for (String quiet : new String[] {"org.apache.cxf", "org.eclipse.jetty", "org.apache.aries", "org.eclipse.persistence"}) {
            Logger logger = Logger.getLogger(quiet);
            logger.setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.WARNING);
            CONFIGURED.add(logger);
        }
        // While the REST application is being assembled at start-up, the readiness probe's requests meet CXF
        // without a matching application and CXF warns once per probe ("Can't find the request for ...'s Observer");
        // the probe expects exactly that, so it is not worth a warning in every boot's log.
        Logger observer = Logger.getLogger("org.apache.cxf.transport.servlet.ServletController");
        observer.setLevel(level.intValue() < Level.INFO.intValue() ? level : Level.SEVERE);
        CONFIGURED.add(observer);
        // For the same moments the HTTP service logs an error when a request meets a servlet or filter being
        // unregistered; the API answers those requests with a JSON 503 (platform-rest's ChangingApiGuard), so
        // they are logged at FINE. Any other error of the HTTP service stays an error.
        Logger http = Logger.getLogger("org.apache.felix.http");
        http.setFilter(record -> record.getLevel().intValue() < Level.SEVERE.intValue() || !isApiRuntimeChanging(record) || fine(record));
        CONFIGURED.add(http);
    }

    /** A request under /api that met the JAX-RS runtime while it was (re)assembling its application. */
    static boolean isApiRuntimeChanging(java.util.logging.LogRecord record) {
        String message = record.getMessage();
        if (message == null || !message.startsWith("Exception while processing request to /api/")) {
            return false;
        }
        // The same two causes as platform-rest's ChangingApiGuard, which answers those requests with a JSON 503.
        int depth = 0;
        for (Throwable cause = record.getThrown(); cause != null && depth < 20; cause = cause.getCause(), depth++) {
            String text = String.valueOf(cause.getMessage());
            if (text.contains("has been unregistered") || text.contains("incomingObserver")) {
                return true;
            }
        }
        return false;
    }

    /** Logs the record again at FINE (seen only with SECRETARIAT_LOG_LEVEL=FINE) and drops the original. */
    private static boolean fine(java.util.logging.LogRecord record) {
        Logger.getLogger("org.apache.felix.http").log(Level.FINE, record.getMessage(), record.getThrown());
        return false;
    }

    /** Closes the log files after the framework has stopped. */
    static void finish() {
        LogManager manager = LogManager.getLogManager();
        if (manager instanceof LauncherLogManager) {
            ((LauncherLogManager) manager).finish();
        }
    }

    /** Felix's own log messages, sent to java.util.logging. */
    static final class FrameworkLogger extends org.apache.felix.framework.Logger {
        private static final Logger LOG = Logger.getLogger("org.apache.felix.framework");

        @Override
        protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference reference, int level, String message, Throwable failure) {
            String prefix = bundle == null ? "" : bundle.getSymbolicName() + ": ";
            LOG.log(julLevel(level), prefix + message, failure);
        }

        @Override
        protected void doLog(int level, String message, Throwable failure) {
            LOG.log(julLevel(level), message, failure);
        }

        private static Level julLevel(int level) {
            switch (level) {
                case LOG_ERROR: return Level.SEVERE;
                case LOG_WARNING: return Level.WARNING;
                case LOG_INFO: return Level.INFO;
                default: return Level.FINE;
            }
        }
    }
}

package org.secretariat.platform.core.impl;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Writes what bundles log through the OSGi Log Service (SCR among them) to java.util.logging, which
 * the launcher sends to the console and to {@code <data>/logs/}: one log for everything.
 */
@Component
public class LogForwarder implements LogListener {

    private final LogReaderService reader;

    @Activate
    public LogForwarder(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void stop() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        Level level = level(entry.getLogLevel());
        String source = entry.getBundle() == null ? "osgi" : entry.getBundle().getSymbolicName();
        Logger logger = Logger.getLogger(entry.getLoggerName() == null || entry.getLoggerName().equals("LogService")
                ? source : entry.getLoggerName());
        if (!logger.isLoggable(level)) {
            return;
        }
        LogRecord record = new LogRecord(level, entry.getMessage());
        record.setLoggerName(logger.getName());
        record.setThrown(entry.getException());
        record.setInstant(java.time.Instant.ofEpochMilli(entry.getTime()));
        logger.log(record);
    }

    private static Level level(org.osgi.service.log.LogLevel level) {
        switch (level) {
            case AUDIT:
            case ERROR:
                return Level.SEVERE;
            case WARN:
                return Level.WARNING;
            case INFO:
                return Level.INFO;
            case DEBUG:
                return Level.FINE;
            default:
                return Level.FINEST;
        }
    }
}

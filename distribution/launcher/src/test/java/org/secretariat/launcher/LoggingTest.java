package org.secretariat.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class LoggingTest {

    private static LogRecord record(String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setThrown(thrown);
        return record;
    }

    @Test
    void onlyTheApiRuntimeChangingIsRecognised() {
        assertTrue(Logging.isApiRuntimeChanging(record("Exception while processing request to /api/platform/health",
                new RuntimeException("wrapped", new IllegalStateException("Servlet has been unregistered")))));
        assertTrue(Logging.isApiRuntimeChanging(record("Exception while processing request to /api/notes",
                new NullPointerException("Cannot invoke \"MessageObserver.onMessage\" because \"this.incomingObserver\" is null"))));
        assertFalse(Logging.isApiRuntimeChanging(record("Exception while processing request to /app/",
                new IllegalStateException("Servlet has been unregistered"))), "only the API");
        assertFalse(Logging.isApiRuntimeChanging(record("Exception while processing request to /api/notes",
                new IllegalStateException("disk full"))), "any other failure stays an error");
    }
}

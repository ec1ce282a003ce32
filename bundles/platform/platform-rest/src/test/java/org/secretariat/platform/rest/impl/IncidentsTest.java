package org.secretariat.platform.rest.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class IncidentsTest {

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger log = Logger.getAnonymousLogger();

    IncidentsTest() {
        log.setUseParentHandlers(false);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static RuntimeException failure(String message) {
        return new IllegalStateException("wrapped", new IllegalArgumentException(message));
    }

    @Test
    void aCauseGetsItsStackTraceOnceThenOneLinePerIncident() {
        Incidents incidents = new Incidents(log);
        for (int i = 0; i < 1000; i++) {
            incidents.record("incident-" + i, failure("row " + i + " is odd"));
        }
        assertEquals(1000, records.size(), "every incident is in the log with its id");
        assertNotNull(records.get(0).getThrown(), "the first carries the stack trace");
        assertTrue(records.stream().skip(1).allMatch(r -> r.getThrown() == null), "the others are one line");
        String last = records.get(999).getMessage();
        assertTrue(last.contains("incident-999") && last.contains("seen 1000 times") && last.contains("incident-0")
                && last.contains("row 999 is odd"), last);
        assertTrue(last.lines().count() == 1, last);
    }

    @Test
    void anotherCauseGetsItsOwnStackTrace() {
        Incidents incidents = new Incidents(log);
        incidents.record("a", failure("x"));
        incidents.record("b", new UnsupportedOperationException("y"));
        assertNotNull(records.get(1).getThrown());
        incidents.record("c", failure("z"));
        assertNull(records.get(2).getThrown());
    }
}

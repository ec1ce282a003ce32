package org.secretariat.platform.rest.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of failed requests, kept compact so that a flood of one failure cannot rotate the history
 * away: the stack trace of a cause is written once, with the incident id; each later incident of the
 * same cause is one line with its id, the cause, and how often it has been seen.
 */
final class Incidents {

    /** Distinct causes remembered; the least recently seen is forgotten first. */
    static final int REMEMBERED = 256;

    private final Logger log;
    private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > REMEMBERED;
        }
    };

    private static final class Seen {
        final String firstIncident;
        long count;

        Seen(String firstIncident) {
            this.firstIncident = firstIncident;
        }
    }

    Incidents(Logger log) {
        this.log = log;
    }

    void record(String incident, Throwable failure) {
        String cause = cause(failure);
        String described = describe(failure);
        Seen known;
        long count;
        synchronized (seen) {
            known = seen.get(cause);
            if (known == null) {
                seen.put(cause, new Seen(incident));
            } else {
                known.count++;
            }
            count = known == null ? 1 : known.count + 1;
        }
        if (known == null) {
            log.log(Level.SEVERE, "Request failed, incident " + incident + ": " + described, failure);
        } else {
            log.severe("Request failed, incident " + incident + ": " + described + " (seen " + count
                    + " times; stack trace with incident " + known.firstIncident + ")");
        }
    }

    /** What identifies a cause: the root exception's type and where it was thrown (messages vary with the data). */
    static String cause(Throwable failure) {
        Throwable root = root(failure);
        StackTraceElement[] trace = root.getStackTrace();
        return root.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    /** One line: the root exception, the first line of its message (bounded), where it was thrown. */
    static String describe(Throwable failure) {
        Throwable root = root(failure);
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        StackTraceElement[] trace = root.getStackTrace();
        return root.getClass().getName() + (message.isEmpty() ? "" : ": " + message) + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static Throwable root(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 50; depth++) {
            root = root.getCause();
        }
        return root;
    }
}

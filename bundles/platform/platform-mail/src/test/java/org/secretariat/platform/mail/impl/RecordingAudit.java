package org.secretariat.platform.mail.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.secretariat.platform.api.security.AuditLog;

/** The audit log of the tests: what was recorded, in order. */
final class RecordingAudit implements AuditLog {

    record Event(String actor, String action, String entity, String outcome, String detail) {
    }

    final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(String actor, String action, String entity, String outcome, String detail) {
        events.add(new Event(actor, action, entity, outcome, detail));
    }

    long count(String outcome) {
        return events.stream().filter(e -> e.outcome().equals(outcome)).count();
    }
}

package org.secretariat.platform.security.impl;

import java.time.Instant;

/** One audit event as the API and the CSV export show it. */
public record AuditEventView(Instant occurredAt, String actor, String address, String action, String entity, String outcome,
        String detail) {

    static AuditEventView of(AuditEventRecord event) {
        return new AuditEventView(event.occurredAt, event.actor, event.address, event.action, event.entity, event.outcome, event.detail);
    }
}

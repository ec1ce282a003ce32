package org.secretariat.platform.security.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.security.AuditLog;

/** The audit trail in AUDIT_EVENT. Each event is its own transaction: it stays even when the work it describes failed. */
@Component(service = {AuditLog.class, AuditService.class})
public class AuditService implements AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditService.class.getName());
    static final int DETAIL_LENGTH = 2000;

    private final EntityManagerFactory security;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public AuditService(@Reference(target = "(osgi.unit.name=security)") EntityManagerFactory security) {
        this.security = security;
    }

    @Override
    public void record(String actor, String action, String entity, String outcome, String detail) {
        record(actor, null, action, entity, outcome, detail);
    }

    void record(String actor, String address, String action, String entity, String outcome, String detail) {
        AuditEventRecord event = new AuditEventRecord();
        event.occurredAt = Instant.now(clock);
        event.actor = truncate(actor, 100);
        event.address = truncate(address, 64);
        event.action = truncate(action == null ? "unknown" : action, 150);
        event.entity = truncate(entity, 300);
        event.outcome = truncate(outcome == null ? "unknown" : outcome, 40);
        event.detail = truncate(detail, DETAIL_LENGTH);
        try {
            Transactions.inTransaction(security, em -> {
                em.persist(event);
                return null;
            });
        } catch (RuntimeException e) {
            // Losing an audit record must be visible: it goes to the log with everything it would have said.
            LOG.log(Level.SEVERE, "Audit record lost: " + event.actor + " " + event.action + " " + event.entity + " " + event.outcome, e);
        }
    }

    static String truncate(String text, int length) {
        if (text == null) {
            return null;
        }
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}

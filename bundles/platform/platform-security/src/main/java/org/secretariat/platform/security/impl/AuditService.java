package org.secretariat.platform.security.impl;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.Cursor;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
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

    /**
     * A page of the events the filter selects, in the requested order (ties by id, so pages never overlap): numbered and
     * counted, or by cursor (newest first or oldest first only: the time never lacks and the indexes hold it with the id).
     */
    Page<AuditEventView> page(AuditFilter filter, PageRequest request) {
        request.cursorOnlyBy(Set.of("occurredAt"));
        Cursor after = request.after();
        Instant afterTime = after == null ? null : after.key(Instant::parse);
        return Transactions.read(security, em -> {
            long total = request.counted()
                    ? filter.bind(em.createQuery("SELECT COUNT(e) FROM AuditEventRecord e" + filter.where(), Long.class)).getSingleResult()
                    : Page.UNCOUNTED;
            String direction = request.ascending() ? " ASC" : " DESC";
            // The page's ids first, from the filter's index (V2: its columns, the time and the id, newest first), so a deep
            // page skips index entries rather than whole events (and a page by cursor starts where the last one ended);
            // then those events only. One more id than the page tells whether another page follows.
            TypedQuery<Long> idQuery = filter.bind(em.createQuery("SELECT e.id FROM AuditEventRecord e" + filter.where()
                    + (after == null ? "" : " AND " + after.condition("e.occurredAt", "e.id", false))
                    + " ORDER BY e." + request.sortField() + direction + ", e.id" + direction, Long.class));
            List<Long> ids = (after == null ? idQuery : after.bind(idQuery, afterTime))
                    .setFirstResult(request.offset()).setMaxResults(request.size() + 1).getResultList();
            boolean more = ids.size() > request.size();
            List<Long> pageIds = more ? ids.subList(0, request.size()) : ids;
            Map<Long, AuditEventRecord> events = pageIds.isEmpty() ? Map.of() : em.createQuery("SELECT e FROM AuditEventRecord e WHERE e.id IN :ids",
                    AuditEventRecord.class).setParameter("ids", pageIds).getResultList().stream().collect(Collectors.toMap(e -> e.id, e -> e));
            List<AuditEventRecord> found = pageIds.stream().map(events::get).filter(Objects::nonNull).collect(Collectors.toList());
            AuditEventRecord last = found.isEmpty() ? null : found.get(found.size() - 1);
            Cursor next = more && last != null && request.sortField().equals("occurredAt")
                    ? Cursor.after(request, last.occurredAt.toString(), last.id) : null;
            return Page.of(found.stream().map(AuditEventView::of).collect(Collectors.toList()), total, request, next);
        });
    }

    /**
     * A batch of the newest events the filter selects with an id below {@code beforeId} (all when null),
     * newest first: keyset pages, so events recorded meanwhile (higher ids) cannot shift later batches.
     */
    Batch newestBefore(AuditFilter filter, Long beforeId, int max) {
        List<AuditEventRecord> events = Transactions.read(security, em -> {
            TypedQuery<AuditEventRecord> query = filter.bind(em.createQuery("SELECT e FROM AuditEventRecord e" + filter.where()
                    + (beforeId == null ? "" : " AND e.id < :before") + " ORDER BY e.id DESC", AuditEventRecord.class));
            if (beforeId != null) {
                query.setParameter("before", beforeId);
            }
            return query.setMaxResults(max).getResultList();
        });
        Long last = events.isEmpty() ? null : events.get(events.size() - 1).id;
        return new Batch(events.stream().map(AuditEventView::of).collect(Collectors.toList()), last);
    }

    /** Events, and the id to continue below. */
    record Batch(List<AuditEventView> events, Long lastId) {
    }

    /**
     * The text cut to {@code length}, the NUL character shown as U+FFFD: an audit record is never lost
     * because a refused request carried a character the database cannot store (PostgreSQL refuses NUL).
     */
    static String truncate(String text, int length) {
        if (text == null) {
            return null;
        }
        String storable = text.replace('\u0000', '\uFFFD');
        return storable.length() <= length ? storable : storable.substring(0, length - 1) + "…";
    }
}

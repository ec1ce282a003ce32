package org.secretariat.platform.security.impl;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.annotation.security.RolesAllowed;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.persistence.LikePatterns;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.CsvCells;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.Role;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** The audit log, filtered and paged, and as CSV; for the Director and administrators. */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("platform/audit")
@RolesAllowed({Role.Names.ADMINISTRATOR, Role.Names.DIRECTOR})
public class AuditResource {

    private static final Set<String> SORTABLE = Set.of("occurredAt", "actor", "action");
    private static final int EXPORT_LIMIT = 100_000;
    private static final int EXPORT_BATCH = 1000;
    private static final String[] COLUMNS = {"occurredAt", "actor", "address", "action", "entity", "outcome", "detail"};

    private final AuditService audit;
    private final SecurityService security;
    private final CsvMapper csv = new CsvMapper();

    @Activate
    public AuditResource(@Reference AuditService audit, @Reference SecurityService security) {
        this.audit = audit;
        this.security = security;
    }

    /** The filters common to the list and the export. */
    private static final class Filter {
        String actor;
        String action;
        String outcome;
        Instant from;
        Instant to;

        static Filter of(String actor, String action, String outcome, String from, String to) {
            Filter filter = new Filter();
            filter.actor = blankToNull(actor);
            filter.action = blankToNull(action);
            filter.outcome = blankToNull(outcome);
            filter.from = instant("from", from, false);
            filter.to = instant("to", to, true);
            return filter;
        }

        String where() {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            if (actor != null) {
                where.append(" AND e.actor = :actor");
            }
            if (action != null) {
                where.append(" AND e.action LIKE :action ESCAPE '\\'");
            }
            if (outcome != null) {
                where.append(" AND e.outcome = :outcome");
            }
            if (from != null) {
                where.append(" AND e.occurredAt >= :from");
            }
            if (to != null) {
                where.append(" AND e.occurredAt < :to");
            }
            return where.toString();
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            if (actor != null) {
                query.setParameter("actor", actor);
            }
            if (action != null) {
                query.setParameter("action", LikePatterns.literal(action) + "%");
            }
            if (outcome != null) {
                query.setParameter("outcome", outcome);
            }
            if (from != null) {
                query.setParameter("from", from);
            }
            if (to != null) {
                query.setParameter("to", to);
            }
            return query;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An ISO instant, or a date (the start of the day for {@code from}, the end of it for {@code to}, UTC). */
    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, field + " must be a date (2026-11-27) or an instant (2026-11-27T09:00:00Z)");
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<Map<String, Object>> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        Filter filter = Filter.of(actor, action, outcome, from, to);
        PageRequest request = PageRequest.parse(page, size, sort == null ? "occurredAt,desc" : sort, SORTABLE, "occurredAt");
        return Transactions.read(security.store(), em -> {
            long total = filter.bind(em.createQuery("SELECT COUNT(e) FROM AuditEventRecord e" + filter.where(), Long.class)).getSingleResult();
            List<Map<String, Object>> items = events(em, filter, request.sortField(), request.ascending(), request.offset(), request.size())
                    .stream().map(AuditResource::json).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    private static List<AuditEventRecord> events(EntityManager em, Filter filter, String sortField, boolean ascending, int offset, int size) {
        return filter.bind(em.createQuery("SELECT e FROM AuditEventRecord e" + filter.where() + " ORDER BY e." + sortField
                + (ascending ? " ASC" : " DESC") + ", e.id" + (ascending ? " ASC" : " DESC"), AuditEventRecord.class))
                .setFirstResult(offset).setMaxResults(size).getResultList();
    }

    private static Map<String, Object> json(AuditEventRecord event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("occurredAt", event.occurredAt);
        json.put("actor", event.actor);
        json.put("address", event.address);
        json.put("action", event.action);
        json.put("entity", event.entity);
        json.put("outcome", event.outcome);
        json.put("detail", event.detail);
        return json;
    }

    /** The same events as CSV (UTF-8, header row), newest first, at most 100 000 rows. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to) {
        Filter filter = Filter.of(actor, action, outcome, from, to);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : COLUMNS) {
            schema.addColumn(column);
        }
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            try (SequenceWriter rows = csv.writer(schema.build()).writeValues(writer)) {
                // Keyset pages (newest first, by id): events recorded while the export runs have higher ids and
                // cannot shift later pages, so no row is written twice or skipped.
                Long before = null;
                for (int written = 0; written < EXPORT_LIMIT; ) {
                    Long last = before;
                    int room = Math.min(EXPORT_BATCH, EXPORT_LIMIT - written);
                    List<AuditEventRecord> batch = Transactions.read(security.store(), em -> {
                        var query = filter.bind(em.createQuery("SELECT e FROM AuditEventRecord e" + filter.where()
                                + (last == null ? "" : " AND e.id < :before") + " ORDER BY e.id DESC", AuditEventRecord.class));
                        if (last != null) {
                            query.setParameter("before", last);
                        }
                        return query.setMaxResults(room).getResultList();
                    });
                    for (AuditEventRecord event : batch) {
                        Map<String, Object> row = json(event);
                        row.put("occurredAt", event.occurredAt.toString());
                        rows.write(neutralise(row));
                        written++;
                    }
                    if (batch.size() < room) {
                        break;
                    }
                    before = batch.get(batch.size() - 1).id;
                }
            } catch (IOException e) {
                throw e;
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    /** Cells that a spreadsheet would run as formulas get a leading quote (CSV injection). */
    private static Map<String, Object> neutralise(Map<String, Object> row) {
        row.replaceAll((key, value) -> value instanceof String ? CsvCells.text((String) value) : value);
        return row;
    }

    AuditService audit() {
        return audit;
    }
}

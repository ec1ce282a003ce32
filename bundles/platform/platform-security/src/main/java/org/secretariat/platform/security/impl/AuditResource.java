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
import java.util.Map;
import java.util.Set;

import javax.annotation.security.RolesAllowed;
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
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.CsvCells;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
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
    private final CsvMapper csv = new CsvMapper();

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    private static AuditFilter filter(String actor, String action, String entity, String outcome, String from, String to) {
        return new AuditFilter(blankToNull(actor), blankToNull(action), entity(entity), blankToNull(outcome),
                instant("from", from, false), instant("to", to, true));
    }

    /** A path, without a trailing slash (which would select nothing under it). */
    private static String entity(String value) {
        String entity = blankToNull(value);
        return entity == null ? null : entity.replaceFirst("/+$", "");
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
    @Summary("List audit events, newest first, filtered by actor, action, entity (a path and what is under it), outcome and period; numbered pages, or by cursor (after=, from a page's next) without a total (Director and administrators)")
    public Page<AuditEventView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("entity") String entity, @QueryParam("outcome") String outcome, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort,
            @QueryParam("after") String after) {
        AuditFilter filter = filter(actor, action, entity, outcome, from, to);
        return audit.page(filter, PageRequest.parse(page, size, sort == null ? "occurredAt,desc" : sort, after, SORTABLE, "occurredAt"));
    }

    /** The same events as CSV (UTF-8, header row), newest first, at most 100 000 rows. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Summary("Export the filtered audit events as CSV (Director and administrators)")
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("entity") String entity,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditFilter filter = filter(actor, action, entity, outcome, from, to);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        for (String column : COLUMNS) {
            schema.addColumn(column);
        }
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            try (SequenceWriter rows = csv.writer(schema.build()).writeValues(writer)) {
                Long before = null;
                for (int written = 0; written < EXPORT_LIMIT; ) {
                    int room = Math.min(EXPORT_BATCH, EXPORT_LIMIT - written);
                    AuditService.Batch batch = audit.newestBefore(filter, before, room);
                    for (AuditEventView event : batch.events()) {
                        rows.write(row(event));
                        written++;
                    }
                    if (batch.events().size() < room) {
                        break;
                    }
                    before = batch.lastId();
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    /** A CSV row; cells that a spreadsheet would run as formulas get a leading quote (CSV injection). */
    private static Map<String, Object> row(AuditEventView event) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("occurredAt", event.occurredAt().toString());
        row.put("actor", CsvCells.text(event.actor()));
        row.put("address", CsvCells.text(event.address()));
        row.put("action", CsvCells.text(event.action()));
        row.put("entity", CsvCells.text(event.entity()));
        row.put("outcome", CsvCells.text(event.outcome()));
        row.put("detail", CsvCells.text(event.detail()));
        return row;
    }
}

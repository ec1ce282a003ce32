package org.secretariat.contacts.impl;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.annotation.security.PermitAll;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateCounts;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.persistence.Transactions;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.security.RequiresPermission;

/** States and their treaty status: list, detail, status changes with history, CSV import and export. */
@Component(service = StatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/states")
@Produces(MediaType.APPLICATION_JSON)
public class StatesResource {

    private static final Map<String, String> SORT_FIELDS = Map.of(
            "name", "n.nameKey", "iso2", "s.iso2", "status", "s.status",
            "signatureDate", "s.signatureDate", "depositDate", "s.depositDate", "entryIntoForce", "s.depositDate");
    private static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    /** A state as the API shows it. */
    public static class StateJson {
        public String iso2;
        public String iso3;
        public String name;
        public Map<String, String> names;
        public TreatyStatus status;
        public Instrument instrument;
        public LocalDate signatureDate;
        public LocalDate depositDate;
        public LocalDate entryIntoForce;
        public Integer version;

        static StateJson of(StateSummary summary, String language, int version, boolean withNames) {
            StateJson json = new StateJson();
            json.iso2 = summary.iso2();
            json.iso3 = summary.iso3();
            json.name = summary.name(language);
            json.names = withNames ? summary.names() : null;
            json.status = summary.status();
            json.instrument = summary.instrument();
            json.signatureDate = summary.signatureDate();
            json.depositDate = summary.depositDate();
            json.entryIntoForce = summary.entryIntoForce();
            json.version = version;
            return json;
        }
    }

    /** The body of a status change. */
    public static class StatusBody {
        public TreatyStatus status;
        public Instrument instrument;
        public LocalDate signatureDate;
        public LocalDate depositDate;
        /** Optional: the version read; a different current version answers 409. */
        public Integer version;
    }

    @Reference
    private StateCatalogue catalogue;

    @GET
    @RequiresPermission(ContactsPermissions.STATE_READ)
    public Page<StateJson> list(@QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("lang") String lang,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, SORT_FIELDS.keySet(), "name");
        TreatyStatus filter = status == null || status.isBlank() ? null : parseStatus(status);
        String language = language(lang);
        String text = q == null || q.isBlank() ? null : q.trim();
        StringBuilder where = new StringBuilder(" FROM StateRecord s, StateName n WHERE n.iso2 = s.iso2 AND n.lang = :lang");
        if (filter != null) {
            where.append(" AND s.status = :status");
        }
        if (text != null) {
            where.append(" AND (n.nameKey LIKE :pattern ESCAPE '\\' OR s.nameKey LIKE :pattern ESCAPE '\\' OR s.iso2 = :code OR s.iso3 = :code)");
        }
        return Transactions.read(catalogue.store(), em -> {
            TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(s)" + where, Long.class), language, filter, text);
            TypedQuery<StateRecord> items = bind(em.createQuery("SELECT s" + where + " ORDER BY " + SORT_FIELDS.get(request.sortField())
                    + (request.ascending() ? " ASC" : " DESC") + ", s.iso2", StateRecord.class), language, filter, text);
            List<StateRecord> states = items.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
            Map<String, Map<String, String>> names = catalogue.namesOf(em, states.stream().map(s -> s.iso2).collect(Collectors.toList()));
            List<StateJson> json = states.stream()
                    .map(s -> StateJson.of(catalogue.summary(s, names.getOrDefault(s.iso2, Map.of())), language, s.version, false))
                    .collect(Collectors.toList());
            return Page.of(json, count.getSingleResult(), request);
        });
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String language, TreatyStatus status, String text) {
        query.setParameter("lang", language);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (text != null) {
            query.setParameter("pattern", Names.containsPattern(text));
            query.setParameter("code", text.toUpperCase(Locale.ROOT));
        }
        return query;
    }

    private String language(String lang) {
        if (lang == null || lang.isBlank()) {
            return "en";
        }
        Set<String> stored = catalogue.languages();
        if (!stored.contains(lang)) {
            throw ApiException.badRequest("lang", "lang must be one of " + stored);
        }
        catalogue.ensureNames(lang);
        return lang;
    }

    private static TreatyStatus parseStatus(String status) {
        try {
            return TreatyStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "status must be one of STATE_PARTY, SIGNATORY, NOT_PARTY");
        }
    }

    /** How many states have each status (public: the website shows it). */
    @GET
    @Path("counts")
    @PermitAll
    public Map<String, Object> counts() {
        StateCounts counts = catalogue.counts();
        LocalDate today = catalogue.today();
        long inForce = catalogue.states(TreatyStatus.STATE_PARTY).stream()
                .filter(s -> s.entryIntoForce() != null && !s.entryIntoForce().isAfter(today)).count();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stateParties", counts.stateParties());
        json.put("inForce", inForce);
        json.put("signatories", counts.signatories());
        json.put("notParty", counts.notParty());
        json.put("asOf", today);
        return json;
    }

    @GET
    @Path("{iso2}")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    public StateJson get(@PathParam("iso2") String iso2, @QueryParam("lang") String lang) {
        String language = language(lang);
        return Transactions.read(catalogue.store(), em -> json(em, catalogue.find(em, iso2), language));
    }

    private StateJson json(EntityManager em, StateRecord state, String language) {
        Map<String, String> names = catalogue.namesOf(em, List.of(state.iso2)).getOrDefault(state.iso2, Map.of());
        return StateJson.of(catalogue.summary(state, names), language, state.version, true);
    }

    @PUT
    @Path("{iso2}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.STATE_WRITE)
    public StateJson setStatus(@PathParam("iso2") String iso2, StatusBody body, @Context SecurityContext security) {
        if (body == null) {
            throw ApiException.badRequest("status", "a JSON body with status, instrument, signatureDate and depositDate is required");
        }
        try {
            StatusRules.check(body.status, body.instrument, body.signatureDate, body.depositDate, catalogue.today());
        } catch (InvalidStatus e) {
            throw ApiException.badRequest(e.field, e.getMessage());
        }
        StateCatalogue.StatusUpdate update = new StateCatalogue.StatusUpdate();
        update.status = body.status;
        update.instrument = body.instrument;
        update.signatureDate = body.signatureDate;
        update.depositDate = body.depositDate;
        update.version = body.version;
        return Transactions.inTransaction(catalogue.store(), em -> {
            StateRecord state = catalogue.find(em, iso2);
            catalogue.apply(em, state, update, security.getUserPrincipal().getName(), StateCatalogue.SOURCE_API);
            em.flush();
            return json(em, state, "en");
        });
    }

    @GET
    @Path("{iso2}/history")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    public Page<Map<String, Object>> history(@PathParam("iso2") String iso2, @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, Set.of("changedAt"), "changedAt");
        return Transactions.read(catalogue.store(), em -> {
            String code = catalogue.find(em, iso2).iso2;
            long total = em.createQuery("SELECT COUNT(c) FROM StatusChange c WHERE c.iso2 = :iso2", Long.class)
                    .setParameter("iso2", code).getSingleResult();
            List<Map<String, Object>> items = em.createQuery("SELECT c FROM StatusChange c WHERE c.iso2 = :iso2 ORDER BY c.changedAt DESC, c.id DESC",
                    StatusChange.class).setParameter("iso2", code).setFirstResult(request.offset()).setMaxResults(request.size())
                    .getResultList().stream().map(StatesResource::change).collect(Collectors.toList());
            return Page.of(items, total, request);
        });
    }

    private static Map<String, Object> change(StatusChange change) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("changedAt", change.changedAt);
        json.put("changedBy", change.changedBy);
        json.put("source", change.source);
        json.put("from", change.oldStatus);
        json.put("status", change.newStatus);
        json.put("instrument", change.instrument);
        json.put("signatureDate", change.signatureDate);
        json.put("depositDate", change.depositDate);
        return json;
    }

    /** The status table as CSV, in the layout the import reads (UN Treaty Collection style). */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    public Response export() {
        return Response.ok(StatusCsv.write(catalogue.participants()), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"treaty-status.csv\"").build();
    }

    /**
     * Imports a status table (CSV body). {@code dryRun=true} reports what would change; otherwise the
     * changes are applied, all of them or, if any row is wrong, none (400 with the rows in error).
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @RequiresPermission(ContactsPermissions.STATE_WRITE)
    public Response importCsv(java.io.InputStream stream, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        boolean dry;
        if (dryRun == null || dryRun.equalsIgnoreCase("false")) {
            dry = false;
        } else if (dryRun.isEmpty() || dryRun.equalsIgnoreCase("true")) {
            dry = true;
        } else {
            throw ApiException.badRequest("dryRun", "dryRun must be true or false");
        }
        byte[] body;
        try {
            // Read at most one byte past the limit: a larger body is refused without being held in memory.
            body = stream == null ? new byte[0] : stream.readNBytes(MAX_CSV_BYTES + 1);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("file", "the CSV file could not be read: " + e.getMessage());
        }
        if (body.length == 0) {
            throw ApiException.badRequest("file", "the request body must be the CSV file");
        }
        if (body.length > MAX_CSV_BYTES) {
            throw new ApiException(413, "the CSV file is larger than " + MAX_CSV_BYTES / 1024 + " KiB", "file");
        }
        StatusImport.Report report;
        try {
            report = new StatusImport(catalogue).run(new String(body, StandardCharsets.UTF_8), dry, security.getUserPrincipal().getName());
        } catch (StatusCsv.UnreadableCsv e) {
            throw ApiException.badRequest("file", e.getMessage());
        }
        if (!report.errors.isEmpty()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("status", 400);
            json.put("error", report.errors.size() + " row(s) have errors; nothing was imported");
            json.put("field", "file");
            json.put("report", report);
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(json).build();
        }
        return Response.ok(report).build();
    }
}

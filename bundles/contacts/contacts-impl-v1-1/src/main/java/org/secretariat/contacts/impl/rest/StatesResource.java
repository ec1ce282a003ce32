package org.secretariat.contacts.impl.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import javax.annotation.security.PermitAll;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.ContactsPermissions;
import org.secretariat.contacts.impl.service.ImportReport;
import org.secretariat.contacts.impl.service.StateDto;
import org.secretariat.contacts.impl.service.States;
import org.secretariat.contacts.impl.service.StatusChangeDto;
import org.secretariat.contacts.impl.service.StatusTables;
import org.secretariat.contacts.impl.service.StatusUpdate;
import org.secretariat.contacts.impl.service.TreatyCounts;
import org.secretariat.contacts.impl.service.TreatyTimeline;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/** States and their treaty status: list, detail, status changes with history, CSV import and export. */
@Component(service = StatesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("contacts/states")
@Produces(MediaType.APPLICATION_JSON)
public class StatesResource {

    private static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    private final States states;
    private final StatusTables statusTables;
    private final TreatyTimeline timeline;

    @Activate
    public StatesResource(@Reference States states, @Reference StatusTables statusTables, @Reference TreatyTimeline timeline) {
        this.states = states;
        this.statusTables = statusTables;
        this.timeline = timeline;
    }

    @GET
    @RequiresPermission(ContactsPermissions.STATE_READ)
    @Summary("List the states with their treaty status, filtered by status or name, names in a chosen language")
    public Page<StateDto> list(@QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("lang") String lang,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, States.SORTABLE, "name");
        TreatyStatus filter = QueryParams.choice("status", status, TreatyStatus.class, "status must be one of STATE_PARTY, SIGNATORY, NOT_PARTY");
        return states.list(filter, q, lang, request);
    }

    /** How many states have each status (public: the website shows it). */
    @GET
    @Path("counts")
    @PermitAll
    @Summary("Count States Parties, states for which the treaty is in force, signatories and others (public)")
    public TreatyCounts counts() {
        return states.treatyCounts();
    }

    /** The States Parties' deposits by year and the running total (the dashboard's chart). */
    @GET
    @Path("timeline")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    @Summary("Read the treaty's growth per year: instruments deposited and States Parties in total, for a chart")
    public List<TreatyTimeline.Year> timeline() {
        return timeline.years();
    }

    @GET
    @Path("{iso2}")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    @Summary("Read a state by its ISO code, with its treaty status and names in every stored language")
    public StateDto get(@PathParam("iso2") String iso2, @QueryParam("lang") String lang) {
        return states.get(iso2, lang);
    }

    @PUT
    @Path("{iso2}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(ContactsPermissions.STATE_WRITE)
    @Summary("Change a state's treaty status (signature, ratification or accession with their dates); the change is kept in its history")
    public StateDto setStatus(@PathParam("iso2") String iso2, StatusUpdate body, @Context SecurityContext security) {
        return states.changeStatus(iso2, body, security.getUserPrincipal().getName());
    }

    @GET
    @Path("{iso2}/history")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    @Summary("List a state's treaty status changes, newest first")
    public Page<StatusChangeDto> history(@PathParam("iso2") String iso2, @QueryParam("page") String page, @QueryParam("size") String size) {
        return states.history(iso2, PageRequest.parse(page, size, null, Set.of("changedAt"), "changedAt"));
    }

    /** The status table as CSV, in the layout the import reads (UN Treaty Collection style). */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @RequiresPermission(ContactsPermissions.STATE_READ)
    @Summary("Export the signatories and States Parties as CSV, in the layout the import reads")
    public Response export() {
        return Response.ok(statusTables.export(), "text/csv; charset=utf-8")
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
    @Summary("Import treaty status from the UN Treaty Collection's CSV: all rows or none; dryRun=true only checks and reports")
    public Response importCsv(InputStream stream, @QueryParam("dryRun") String dryRun, @Context SecurityContext security) {
        boolean dry = dryRun(dryRun);
        ImportReport report = statusTables.importTable(csv(stream), dry, security.getUserPrincipal().getName());
        if (!report.errors().isEmpty()) {
            ImportRefusal refusal = new ImportRefusal(400, report.errors().size() + " row(s) have errors; nothing was imported", "file", report);
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(refusal).build();
        }
        return Response.ok(report).build();
    }

    /** A bare {@code ?dryRun} asks for a dry run. */
    private static boolean dryRun(String dryRun) {
        if (dryRun == null || dryRun.equalsIgnoreCase("false")) {
            return false;
        }
        if (dryRun.isEmpty() || dryRun.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("dryRun", "dryRun must be true or false");
    }

    private static String csv(InputStream stream) {
        byte[] body;
        try {
            // Read at most one byte past the limit: a larger body is refused without being held in memory.
            body = stream == null ? new byte[0] : stream.readNBytes(MAX_CSV_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("file", "the CSV file could not be read: " + e.getMessage());
        }
        if (body.length == 0) {
            throw ApiException.badRequest("file", "the request body must be the CSV file");
        }
        if (body.length > MAX_CSV_BYTES) {
            throw new ApiException(413, "the CSV file is larger than " + MAX_CSV_BYTES / 1024 + " KiB", "file");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer to an import with rows in error: the API's error fields, and the report naming each row. */
    public record ImportRefusal(int status, String error, String field, ImportReport report) {
    }
}

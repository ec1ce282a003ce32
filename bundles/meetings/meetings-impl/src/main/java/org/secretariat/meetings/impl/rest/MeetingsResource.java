package org.secretariat.meetings.impl.rest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.secretariat.platform.api.rest.Answers;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.impl.service.Actions;
import org.secretariat.meetings.impl.service.Decisions;
import org.secretariat.meetings.impl.service.MeetingJson;
import org.secretariat.meetings.impl.service.Meetings;
import org.secretariat.platform.api.rest.ApiException;
import org.secretariat.platform.api.rest.Input;
import org.secretariat.platform.api.rest.Page;
import org.secretariat.platform.api.rest.PageRequest;
import org.secretariat.platform.api.rest.RestApi;
import org.secretariat.platform.api.rest.Summary;
import org.secretariat.platform.api.security.RequiresPermission;

/**
 * Meetings: list (filter by type, status, year, text; upcoming only), create, read, update with
 * optimistic locking, delete an empty one; the iCalendar exports; the register of established
 * practice across meetings; the overdue follow-up actions.
 */
@Component(service = MeetingsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("meetings")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingsResource {

    private final Meetings meetings;
    private final Decisions decisions;
    private final Actions actions;

    @Activate
    public MeetingsResource(@Reference Meetings meetings, @Reference Decisions decisions, @Reference Actions actions) {
        this.meetings = meetings;
        this.decisions = decisions;
        this.actions = actions;
    }

    @GET
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List meetings, filtered by type, status, year, text or upcoming only")
    public Page<MeetingJson> list(@QueryParam("type") String type, @QueryParam("status") String status, @QueryParam("year") String year,
            @QueryParam("q") String q, @QueryParam("upcoming") String upcoming,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.parse(page, size, sort, Meetings.SORTABLE, "startDate");
        Meetings.Filter filter = new Meetings.Filter(type, status == null || status.isBlank() ? null : status(status), year(year), q,
                Input.flag("upcoming", upcoming));
        return meetings.list(filter, request);
    }

    private static MeetingStatus status(String status) {
        try {
            return MeetingStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "status must be PLANNED, CONVENED or CONCLUDED");
        }
    }

    /** The year asked for, null when none. */
    private static Integer year(String year) {
        return year == null || year.isBlank() ? null : Input.present("year", parseYear(year), "a year like 2011");
    }

    private static Integer parseYear(String year) {
        try {
            int value = Integer.parseInt(year.trim());
            return value >= 1900 && value <= 2200 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GET
    @Path("{id}")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Read a meeting")
    public MeetingJson get(@PathParam("id") long id) {
        return meetings.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Answers(status = 201, value = MeetingJson.class)
    @Summary("Create a meeting (type from the convention profile, number, dates, venue); it starts planned")
    public Response create(MeetingJson body) {
        return Response.status(201).entity(meetings.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Change a meeting: dates, venue, status, public or restricted")
    public MeetingJson update(@PathParam("id") long id, MeetingJson body) {
        return meetings.update(id, body);
    }

    @DELETE
    @Path("{id}")
    @RequiresPermission(MeetingsPermissions.MEETING_WRITE)
    @Summary("Delete a meeting that has no documents, participants, decisions or records yet")
    public Response delete(@PathParam("id") long id) {
        meetings.delete(id);
        return Response.noContent().build();
    }

    /** One meeting as an iCalendar file, for a calendar client. */
    @GET
    @Path("{id}/calendar.ics")
    @Produces(IcsCalendar.MEDIA_TYPE)
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Download a meeting as an iCalendar event")
    public Response calendar(@PathParam("id") long id) {
        return IcsCalendar.response(List.of(meetings.calendarEntry(id)), "meeting-" + id + ".ics");
    }

    /** Every meeting that has not ended yet. */
    @GET
    @Path("calendar.ics")
    @Produces(IcsCalendar.MEDIA_TYPE)
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Download every meeting not yet ended as an iCalendar feed")
    public Response upcomingCalendar() {
        return IcsCalendar.response(meetings.upcomingCalendar(), "meetings.ics");
    }

    /** The register of established practice: decisions marked so, across meetings, by theme, year and text. */
    @GET
    @Path("practice")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("Search the register of established practice: decisions marked so across meetings, by theme, year or text")
    public Page<Decisions.PracticeEntry> practice(@QueryParam("theme") String theme, @QueryParam("year") String year, @QueryParam("q") String q,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size, null, Set.of("adoptedOn"), "adoptedOn");
        return decisions.practice(new Decisions.PracticeFilter(theme, year(year), q), request);
    }

    /** Follow-up actions still open after their due date, across meetings, oldest first. */
    @GET
    @Path("actions/overdue")
    @RequiresPermission(MeetingsPermissions.MEETING_READ)
    @Summary("List the follow-up actions still open after their due date, across meetings")
    public List<Actions.View> overdue() {
        return actions.overdue();
    }
}

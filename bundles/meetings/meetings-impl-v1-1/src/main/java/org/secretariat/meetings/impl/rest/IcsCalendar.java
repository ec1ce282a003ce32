package org.secretariat.meetings.impl.rest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.Response;

import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.impl.service.Meetings.CalendarEntry;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Date;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;

/**
 * Meetings as iCalendar (RFC 5545) all-day events, written by ical4j so that calendar clients read
 * them: a stable UID per meeting (updates replace the event), the exclusive end date the standard
 * wants, the venue as location, and the status (a planned meeting is tentative).
 */
final class IcsCalendar {

    static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private IcsCalendar() {
    }

    static Response response(List<CalendarEntry> meetings, String fileName) {
        return Response.ok(write(meetings), MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static String write(List<CalendarEntry> meetings) {
        Calendar calendar = new Calendar();
        calendar.getProperties().add(new ProdId("-//Secretariat//Meetings 1.0//EN"));
        calendar.getProperties().add(Version.VERSION_2_0);
        calendar.getProperties().add(CalScale.GREGORIAN);
        try {
            for (CalendarEntry meeting : meetings) {
                VEvent event = new VEvent(new Date(meeting.startDate().format(BASIC)), new Date(meeting.endDate().plusDays(1).format(BASIC)),
                        meeting.title());
                event.getProperties().add(new Uid("meeting-" + meeting.id() + "@secretariat"));
                String place = String.join(", ", nonBlank(meeting.venue(), meeting.city()));
                if (!place.isEmpty()) {
                    event.getProperties().add(new Location(place));
                }
                event.getProperties().add(new Categories(meeting.typeName()));
                if (meeting.presidency() != null) {
                    event.getProperties().add(new Description("Presidency: " + meeting.presidency()));
                }
                event.getProperties().add(meeting.status() == MeetingStatus.PLANNED ? Status.VEVENT_TENTATIVE : Status.VEVENT_CONFIRMED);
                calendar.getComponents().add(event);
            }
            StringWriter out = new StringWriter();
            new CalendarOutputter(!calendar.getComponents().isEmpty()).output(calendar, out);
            return out.toString();
        } catch (ParseException e) {
            throw new IllegalStateException("a meeting date could not be written as iCalendar", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nonBlank(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).collect(Collectors.toList());
    }
}

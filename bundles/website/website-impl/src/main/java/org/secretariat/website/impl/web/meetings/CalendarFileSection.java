package org.secretariat.website.impl.web.meetings;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingStatus;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.ConventionProfile;
import org.secretariat.website.impl.web.Answer;
import org.secretariat.website.impl.web.Section;
import org.secretariat.website.impl.web.SiteMessages;
import org.secretariat.website.impl.web.SiteRequest;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Date;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * {@code /meetings.ics} (or {@code /<lang>/meetings.ics}): every public meeting as an iCalendar (RFC
 * 5545) all-day event, written by ical4j so that calendar clients read it, each linking its page in
 * the language. Restricted meetings are never in it: the calendar service does not answer them.
 */
@Component(service = Section.class, enabled = false)
public class CalendarFileSection implements Section {

    static final String SEGMENT = "meetings.ics";
    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final MeetingCalendar calendar;
    private final ConventionProfile profile;
    private final SiteMessages messages;

    @Activate
    public CalendarFileSection(@Reference MeetingCalendar calendar, @Reference ConventionProfile profile, @Reference SiteMessages messages) {
        this.calendar = calendar;
        this.profile = profile;
        this.messages = messages;
    }

    @Override
    public String segment() {
        return SEGMENT;
    }

    @Override
    public Optional<Answer> answer(SiteRequest request) {
        if (!request.segments().isEmpty()) {
            return Optional.empty();
        }
        String name = profile.acronym() + " – " + messages.get(request.language(), "meetings.title");
        byte[] ics = write(calendar.allPublicMeetings(), name, uidDomain(profile.acronym()),
                request.origin() + "/" + request.language() + "/" + MeetingsSection.SEGMENT + "/");
        return Optional.of(new Answer.Bytes(MEDIA_TYPE, ics));
    }

    /**
     * The UIDs' domain: the convention's acronym, so that a meeting keeps its UID whatever address or
     * language the calendar was fetched with (a client updates the event instead of adding another), and
     * two conventions' calendars subscribed side by side do not collide.
     */
    static String uidDomain(String acronym) {
        String name = acronym == null ? "" : acronym.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return (name.isEmpty() ? "website" : name) + ".secretariat";
    }

    /** The meetings as all-day events (the end date exclusive, as the standard has it), tentative while planned. */
    static byte[] write(List<MeetingSummary> meetings, String name, String uidDomain, String pageBase) {
        Calendar ics = new Calendar();
        ics.getProperties().add(new ProdId("-//Secretariat//Website 1.0//EN"));
        ics.getProperties().add(Version.VERSION_2_0);
        ics.getProperties().add(CalScale.GREGORIAN);
        ics.getProperties().add(new XProperty("X-WR-CALNAME", name));
        try {
            for (MeetingSummary meeting : meetings) {
                VEvent event = new VEvent(new Date(meeting.startDate().format(BASIC)), new Date(meeting.endDate().plusDays(1).format(BASIC)),
                        meeting.title());
                event.getProperties().add(new Uid("meeting-" + meeting.id() + "@" + uidDomain));
                if (meeting.city() != null && !meeting.city().isBlank()) {
                    event.getProperties().add(new Location(meeting.city()));
                }
                event.getProperties().add(new Categories(meeting.type()));
                event.getProperties().add(meeting.status() == MeetingStatus.PLANNED ? Status.VEVENT_TENTATIVE : Status.VEVENT_CONFIRMED);
                try {
                    event.getProperties().add(new Url(new URI(pageBase + meeting.id())));
                } catch (URISyntaxException unusableHost) {
                    // a Host header no URI can hold: the event stands without its link
                }
                ics.getComponents().add(event);
            }
            StringWriter out = new StringWriter();
            // an empty calendar is valid for clients but not for ical4j's validator, which wants a component
            new CalendarOutputter(!ics.getComponents().isEmpty()).output(ics, out);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (ParseException e) {
            throw new IllegalStateException("a meeting date could not be written as iCalendar", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

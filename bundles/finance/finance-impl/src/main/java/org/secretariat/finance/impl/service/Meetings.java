package org.secretariat.finance.impl.service;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.meetings.api.MeetingCalendar;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The meetings finance names (the meeting of States Parties that approved a budget), through the
 * meetings module's calendar while it is installed. Without the meetings module a meeting's id is
 * kept as given, unchecked.
 */
@Component(service = Meetings.class)
public class Meetings {

    /** The meetings module's calendar, while it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingCalendar calendar;

    public Meetings() {
    }

    /** With the meetings module's calendar for good (or none), as a test wants. */
    Meetings(MeetingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * The meeting {@code meetingId}, held on {@code on}, as people name it ("MSP 13 Thirteenth Meeting of States
     * Parties"); null while the meetings module is not installed. Refused when the module is installed and knows no
     * such public meeting around that day, or the meeting did not sit that day.
     */
    public String meetingHeldOn(long meetingId, LocalDate on) {
        MeetingCalendar meetings = calendar;
        if (meetings == null) {
            return null;
        }
        // A meeting that sat on the day started that year or, across the new year, the year before.
        MeetingSummary meeting = Stream.of(on.getYear(), on.getYear() - 1).flatMap(year -> meetings.publicMeetings(year).stream())
                .filter(m -> m.id() == meetingId).findFirst()
                .orElseThrow(() -> DomainException.invalid("meetingId", "the meetings module knows no public meeting " + meetingId + " in "
                        + (on.getYear() - 1) + " or " + on.getYear()));
        if (on.isBefore(meeting.startDate()) || on.isAfter(meeting.endDate())) {
            throw DomainException.invalid("approvedOn", meeting + " sat from " + meeting.startDate() + " to " + meeting.endDate() + ", not on " + on);
        }
        return meeting.toString();
    }
}

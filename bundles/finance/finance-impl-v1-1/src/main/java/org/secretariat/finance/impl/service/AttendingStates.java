package org.secretariat.finance.impl.service;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.secretariat.meetings.api.MeetingAttendance;
import org.secretariat.meetings.api.MeetingDecisions;
import org.secretariat.meetings.api.MeetingSummary;
import org.secretariat.platform.api.domain.DomainException;

/**
 * The states that took part in a meeting, through the meetings module while it is installed: a
 * meeting's costs are shared among them. Without meetings, an assessment names its states in rates.
 * Also the meeting of States Parties that approved a budget and its decision, checked while meetings
 * is installed.
 */
@Component(service = AttendingStates.class)
public class AttendingStates {

    /** A meeting as an assessment of its costs records it. */
    public record Meeting(long id, String title, int year, List<String> states) {
    }

    /** The meetings module's attendance, while it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingAttendance attendance;

    /** The meetings module's decisions, while it is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MeetingDecisions decisions;

    public AttendingStates() {
    }

    /** With the meetings module's attendance for good (or none), as a test wants. */
    AttendingStates(MeetingAttendance attendance) {
        this(attendance, null);
    }

    /** With the meetings module's attendance and decisions for good (or none), as a test wants. */
    AttendingStates(MeetingAttendance attendance, MeetingDecisions decisions) {
        this.attendance = attendance;
        this.decisions = decisions;
    }

    /**
     * How decision {@code number} of meeting {@code meetingId} is cited ("Decision 5: Budget for 2027"); null while the
     * meetings module is not installed (the number is then kept unchecked). Refused ({@code decision}) when the meeting
     * has no such decision, or when it was adopted on another day than {@code on} ({@code approvedOn}).
     */
    public String decision(long meetingId, int number, LocalDate on) {
        MeetingDecisions adopted = decisions;
        if (adopted == null) {
            return null;
        }
        MeetingDecisions.Decision decision = adopted.decision(meetingId, number)
                .orElseThrow(() -> DomainException.invalid("decision", "meeting " + meetingId + " has no decision " + number));
        if (decision.adoptedOn() != null && !decision.adoptedOn().equals(on)) {
            throw DomainException.invalid("approvedOn", "decision " + number + " was adopted on " + decision.adoptedOn() + ", not on " + on);
        }
        String cited = "Decision " + number + ": " + decision.title();
        return cited.length() <= 300 ? cited : cited.substring(0, 300);
    }

    /** The meeting with the states that took part; refused, naming {@code meeting}, without the meetings module or for an unknown meeting. */
    public Meeting meeting(long meetingId) {
        MeetingAttendance meetings = attendance;
        if (meetings == null) {
            throw DomainException.invalid("meeting", "the meetings module is not installed: install it, or leave meeting out and name the states in rates");
        }
        MeetingSummary meeting = meetings.meeting(meetingId)
                .orElseThrow(() -> DomainException.invalid("meeting", "there is no meeting " + meetingId));
        String title = meeting.toString().trim();
        return new Meeting(meetingId, title.length() <= 300 ? title : title.substring(0, 300), meeting.startDate().getYear(),
                meetings.statesTakingPart(meetingId));
    }

    /**
     * The name of meeting {@code meetingId}, which sat on {@code on}; null while the meetings module is not installed
     * (a budget then keeps the id unchecked). Refused when the module knows no such meeting ({@code meetingId}) or the
     * meeting did not sit that day ({@code approvedOn}).
     */
    public String meetingHeldOn(long meetingId, LocalDate on) {
        MeetingAttendance meetings = attendance;
        if (meetings == null) {
            return null;
        }
        MeetingSummary meeting = meetings.meeting(meetingId)
                .orElseThrow(() -> DomainException.invalid("meetingId", "the meetings module knows no meeting " + meetingId));
        if (on.isBefore(meeting.startDate()) || on.isAfter(meeting.endDate())) {
            throw DomainException.invalid("approvedOn", meeting + " sat from " + meeting.startDate() + " to " + meeting.endDate() + ", not on " + on);
        }
        String name = meeting.toString().trim();
        return name.length() <= 300 ? name : name.substring(0, 300);
    }
}

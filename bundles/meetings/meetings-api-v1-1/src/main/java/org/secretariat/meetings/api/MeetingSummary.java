package org.secretariat.meetings.api;

import java.time.LocalDate;
import java.util.Objects;

/** A meeting as other modules show it. */
public final class MeetingSummary {

    private final long id;
    private final String type;
    private final Integer number;
    private final String title;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final String city;
    private final MeetingStatus status;
    private final boolean publicMeeting;

    public MeetingSummary(long id, String type, Integer number, String title, LocalDate startDate, LocalDate endDate, String city,
            MeetingStatus status, boolean publicMeeting) {
        this.id = id;
        this.type = Objects.requireNonNull(type, "type");
        this.number = number;
        this.title = Objects.requireNonNull(title, "title");
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.endDate = Objects.requireNonNull(endDate, "endDate");
        this.city = city;
        this.status = Objects.requireNonNull(status, "status");
        this.publicMeeting = publicMeeting;
    }

    public long id() {
        return id;
    }

    /** The meeting type's code from the convention profile, e.g. {@code MSP}. */
    public String type() {
        return type;
    }

    /** The meeting's number in its series (the 2nd Meeting of States Parties), or null. */
    public Integer number() {
        return number;
    }

    public String title() {
        return title;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String city() {
        return city;
    }

    public MeetingStatus status() {
        return status;
    }

    /** Whether the public may see the meeting (and its public documents) on the website. */
    public boolean publicMeeting() {
        return publicMeeting;
    }

    @Override
    public String toString() {
        return type + (number == null ? "" : " " + number) + " " + title;
    }
}

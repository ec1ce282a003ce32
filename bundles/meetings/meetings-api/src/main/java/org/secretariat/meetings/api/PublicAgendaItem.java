package org.secretariat.meetings.api;

import java.util.Objects;

/**
 * An item of a public meeting's agenda: its number, as the agenda shows it ({@code 2}, {@code 2(a)}),
 * and its title. Items nest one level: a sub-item names its parent's number.
 *
 * @since 1.2
 */
public final class PublicAgendaItem {

    private final long meetingId;
    private final String number;
    private final String title;
    private final String parentNumber;

    public PublicAgendaItem(long meetingId, String number, String title, String parentNumber) {
        this.meetingId = meetingId;
        this.number = Objects.requireNonNull(number, "number");
        this.title = Objects.requireNonNull(title, "title");
        this.parentNumber = parentNumber;
    }

    public long meetingId() {
        return meetingId;
    }

    /** The item's number, unique in the meeting's agenda, e.g. {@code 2} or {@code 2(a)}. */
    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The number of the top-level item this one is a sub-item of; null for a top-level item. */
    public String parentNumber() {
        return parentNumber;
    }

    @Override
    public String toString() {
        return number + " " + title;
    }
}

package org.secretariat.meetings.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Meetings for other modules: the website lists public meetings and their public documents. */
@ProviderType
public interface MeetingCalendar {

    /** Public meetings that end today or later, soonest first, at most {@code limit}. */
    List<MeetingSummary> upcomingPublicMeetings(int limit);

    /** Public meetings of a year, by start date. */
    List<MeetingSummary> publicMeetings(int year);

    /** The issued public documents of a public meeting (none for a restricted one). */
    List<PublicDocument> publicDocuments(long meetingId);
}

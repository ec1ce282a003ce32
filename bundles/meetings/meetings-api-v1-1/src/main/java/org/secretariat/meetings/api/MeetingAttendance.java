package org.secretariat.meetings.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who took part in a meeting, for other modules: the finance module shares a meeting's costs among the
 * states that took part.
 *
 * @since 1.1
 */
@ProviderType
public interface MeetingAttendance {

    /** The meeting, public or not; empty when there is none with that id. */
    Optional<MeetingSummary> meeting(long meetingId);

    /**
     * The ISO 3166 alpha-2 codes of the states with at least one approved participant in their
     * delegation, sorted; empty for an unknown meeting.
     */
    List<String> statesTakingPart(long meetingId);
}

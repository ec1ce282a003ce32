package org.secretariat.meetings.api;

import java.time.LocalDate;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The decisions a meeting adopted, for other modules: the finance module names the decision of the
 * States Parties that approved a budget.
 *
 * @since 1.1
 */
@ProviderType
public interface MeetingDecisions {

    /** A decision as other modules cite it: its number in the meeting, kind, title and the day it was adopted (null while not adopted). */
    record Decision(long meetingId, int number, String kind, String title, LocalDate adoptedOn) {
    }

    /** Decision {@code number} of meeting {@code meetingId}; empty when there is none. */
    Optional<Decision> decision(long meetingId, int number);
}

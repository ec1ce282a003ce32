package org.secretariat.contacts.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A person's participation in meetings, offered to the contacts module by the module that records meetings
 * (the meetings module, from 1.2.0), so a person's page shows their history. Defined here, by the module
 * that asks, as {@link MeetingDelegations} is.
 *
 * @since 1.1
 */
@ConsumerType
public interface MeetingParticipations {

    /** The meetings the person took part in (every registration status), the latest first; at most 500. */
    List<Participation> participations(long personId);

    /**
     * One registration of the person for a meeting.
     *
     * @param meetingId the meeting's id in the module that offers it
     * @param meetingTitle how the meeting is named
     * @param meetingType the meeting's type code, e.g. {@code MSP}
     * @param startDate the meeting's first day
     * @param endDate its last day
     * @param delegation the delegation's name
     * @param stateIso2 the delegation's State, or null for an organisation's
     * @param role e.g. {@code HEAD_OF_DELEGATION}, {@code DELEGATE}
     * @param function the function the registration gave, or null
     * @param status e.g. {@code PENDING}, {@code APPROVED}
     */
    record Participation(long meetingId, String meetingTitle, String meetingType, LocalDate startDate, LocalDate endDate, String delegation,
            String stateIso2, String role, String function, String status) {

        public Participation {
            Objects.requireNonNull(meetingTitle, "meetingTitle");
        }
    }
}

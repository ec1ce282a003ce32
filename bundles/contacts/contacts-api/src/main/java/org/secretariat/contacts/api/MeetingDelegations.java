package org.secretariat.contacts.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Who headed the delegations at a meeting, offered to the contacts module by the module that records
 * meetings and their participants (the meetings module, from 1.2.0): a group of "the heads of delegation
 * at the last Meeting of States Parties" is evaluated through it, and cannot be while no module offers it.
 * Defined here, by the module that asks, as finance-api defines the cost-sharing formulas other modules
 * provide: the meetings module already builds on this API, so no other API has to change for it.
 *
 * @since 1.1
 */
@ConsumerType
public interface MeetingDelegations {

    /**
     * The last meeting of a type (a code of the profile's meeting types, e.g. {@code MSP}) that began on or
     * before {@code asOf}, with its approved heads of delegation; empty when there is none.
     */
    Optional<Meeting> lastMeeting(String meetingType, LocalDate asOf);

    /**
     * A meeting and its heads of delegation.
     *
     * @param id the meeting's id in the module that offers it
     * @param title how the meeting is named, e.g. "Thirteenth Meeting of States Parties"
     * @param startDate its first day
     * @param heads its approved heads of delegation, in protocol order
     */
    record Meeting(long id, String title, LocalDate startDate, List<Head> heads) {

        public Meeting {
            Objects.requireNonNull(title, "title");
            heads = List.copyOf(heads);
        }
    }

    /**
     * A head of delegation as the registration recorded them.
     *
     * @param stateIso2 the state of the delegation, or null for an organisation's
     * @param delegation the delegation's name
     * @param name the person's name
     * @param email the address given at registration, or null
     * @param personId the person of the contacts module the participant is linked to, or null when not linked
     */
    record Head(String stateIso2, String delegation, String name, String email, Long personId) {

        public Head {
            Objects.requireNonNull(name, "name");
        }
    }
}

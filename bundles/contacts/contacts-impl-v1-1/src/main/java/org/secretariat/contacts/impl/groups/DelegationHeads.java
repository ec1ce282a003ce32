package org.secretariat.contacts.impl.groups;

import java.util.List;
import java.util.Optional;

/**
 * Who headed the delegations at the last meeting of a type, as the meetings module knows it: the seam
 * between the evaluation of groups and that optional module ({@link MeetingsLink} in the framework, a small
 * fake in tests).
 */
public interface DelegationHeads {

    /**
     * The last meeting of the type (begun by today) and its approved heads of delegation; empty when the
     * meetings module is not there (or is a version that does not tell).
     */
    Optional<LastMeeting> lastMeeting(String meetingType);

    /** The meeting, or none of that type yet ({@code title} null), and its heads of delegation. */
    record LastMeeting(String title, List<Head> heads) {

        public LastMeeting {
            heads = List.copyOf(heads);
        }
    }

    /**
     * A head of delegation: the state of the delegation (null for an organisation's), the name and address the
     * registration gave, and the person of the contacts module it is linked to, when the meetings module links them.
     */
    record Head(String stateIso2, String name, String email, Long personId) {
    }
}

package org.secretariat.sponsorship.impl.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * An application's workflow: submitted, possibly information needed (and submitted again once given),
 * offered (by the Director's approval of the selection), then accepted or declined by the nominee;
 * withdrawn by the state at any time before it ends; rejected by the unit before it is accepted.
 */
public enum ApplicationStatus {
    SUBMITTED,
    INFORMATION_NEEDED,
    OFFERED,
    ACCEPTED,
    DECLINED,
    WITHDRAWN,
    REJECTED;

    /** What a decision of staff may make of this status (OFFERED only comes from the approval). */
    public Set<ApplicationStatus> next() {
        switch (this) {
            case SUBMITTED:
                return EnumSet.of(INFORMATION_NEEDED, WITHDRAWN, REJECTED);
            case INFORMATION_NEEDED:
                return EnumSet.of(SUBMITTED, WITHDRAWN, REJECTED);
            case OFFERED:
                return EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN, REJECTED);
            case ACCEPTED:
                return EnumSet.of(WITHDRAWN);
            default:
                return EnumSet.noneOf(ApplicationStatus.class);
        }
    }

    /** Still in the running for the selection. */
    public boolean open() {
        return this == SUBMITTED;
    }
}

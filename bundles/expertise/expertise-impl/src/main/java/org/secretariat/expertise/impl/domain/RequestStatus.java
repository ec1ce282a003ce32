package org.secretariat.expertise.impl.domain;

import java.util.Set;

/** Where a request for expertise is: received → matched → contacted → delivered → evaluated. */
public enum RequestStatus {
    RECEIVED,
    MATCHED,
    CONTACTED,
    DELIVERED,
    EVALUATED;

    /**
     * The statuses this one may go to: the next one, and back to RECEIVED from MATCHED or CONTACTED
     * when the chosen expert declines (the request is matched again).
     */
    public Set<RequestStatus> next() {
        switch (this) {
            case RECEIVED:
                return Set.of(MATCHED);
            case MATCHED:
                return Set.of(CONTACTED, RECEIVED);
            case CONTACTED:
                return Set.of(DELIVERED, RECEIVED);
            case DELIVERED:
                return Set.of(EVALUATED);
            default:
                return Set.of();
        }
    }
}

package org.secretariat.expertise.impl.domain;

import java.util.List;

/** Where a request for expertise is: received → matched → contacted → delivered → evaluated. */
public enum RequestStatus {
    RECEIVED,
    MATCHED,
    CONTACTED,
    DELIVERED,
    EVALUATED;

    /**
     * The statuses this one may go to, the usual one first: the next one, and back to RECEIVED from
     * MATCHED or CONTACTED when the chosen expert declines (the request is matched again).
     */
    public List<RequestStatus> next() {
        switch (this) {
            case RECEIVED:
                return List.of(MATCHED);
            case MATCHED:
                return List.of(CONTACTED, RECEIVED);
            case CONTACTED:
                return List.of(DELIVERED, RECEIVED);
            case DELIVERED:
                return List.of(EVALUATED);
            default:
                return List.of();
        }
    }
}

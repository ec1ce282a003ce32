package org.secretariat.meetings.impl.registration;

import java.time.Instant;

/**
 * Why a registration link does not open the form, with the status the form answers: a link this
 * platform did not sign, or signed for another invitation or meeting, or whose meeting is gone, is
 * not found (404, the same answer for all, so a guess learns nothing); a link past its expiry or
 * revoked by staff is gone (410: ask for a new one); a meeting whose registration has closed is a
 * conflict (409: no new link helps).
 */
public final class LinkRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The reasons, each with its HTTP status. */
    public enum Reason {
        NOT_VALID(404),
        EXPIRED(410),
        REVOKED(410),
        CLOSED(409);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final Instant closedAt;

    LinkRefusal(Reason reason, Instant closedAt) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.closedAt = closedAt;
    }

    public Reason reason() {
        return reason;
    }

    /** When registration closed (CLOSED) or the link expired (EXPIRED); otherwise null. */
    public Instant closedAt() {
        return closedAt;
    }
}

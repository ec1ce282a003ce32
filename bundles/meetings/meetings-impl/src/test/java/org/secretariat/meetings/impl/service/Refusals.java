package org.secretariat.meetings.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.secretariat.platform.api.domain.DomainException;

/** A service's refusal as the REST layer will answer it: kind (the status), field and message. */
final class Refusals {

    /** The first page of a list of participants. */
    static final org.secretariat.platform.api.rest.PageRequest FIRST_PAGE = org.secretariat.platform.api.rest.PageRequest.parse(null, "500",
            null, java.util.Set.of("protocol"), "protocol");

    private Refusals() {
    }

    static void assertRefused(DomainException.Kind kind, String field, String message, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(message, refusal.getMessage());
        assertEquals(kind, refusal.kind(), message);
        assertEquals(field, refusal.field(), message);
    }
}

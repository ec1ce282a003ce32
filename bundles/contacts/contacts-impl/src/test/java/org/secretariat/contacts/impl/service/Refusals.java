package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.secretariat.platform.api.domain.DomainException;

/** Asserting how a service refuses: the kind (the HTTP status it becomes) and the field named. */
public final class Refusals {

    private Refusals() {
    }

    /** Refused as invalid, naming {@code field}; answers the refusal for its message. */
    public static DomainException invalid(String field, Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(DomainException.Kind.INVALID, refusal.kind(), refusal::getMessage);
        assertEquals(field, refusal.field(), refusal::getMessage);
        return refusal;
    }

    public static DomainException conflict(Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(DomainException.Kind.CONFLICT, refusal.kind(), refusal::getMessage);
        return refusal;
    }

    public static DomainException notFound(Executable call) {
        DomainException refusal = assertThrows(DomainException.class, call);
        assertEquals(DomainException.Kind.NOT_FOUND, refusal.kind(), refusal::getMessage);
        return refusal;
    }
}

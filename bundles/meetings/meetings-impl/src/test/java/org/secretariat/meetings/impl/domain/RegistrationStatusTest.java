package org.secretariat.meetings.impl.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegistrationStatusTest {

    @Test
    void theWorkflow() {
        assertTrue(RegistrationStatus.PENDING.canBecome(RegistrationStatus.APPROVED));
        assertTrue(RegistrationStatus.PENDING.canBecome(RegistrationStatus.REJECTED));
        assertTrue(RegistrationStatus.APPROVED.canBecome(RegistrationStatus.WITHDRAWN));
        assertTrue(RegistrationStatus.REJECTED.canBecome(RegistrationStatus.PENDING), "a rejected registration can be reopened");
        assertFalse(RegistrationStatus.APPROVED.canBecome(RegistrationStatus.REJECTED), "withdraw an approved registration instead");
        assertFalse(RegistrationStatus.WITHDRAWN.canBecome(RegistrationStatus.APPROVED), "reopen it first");
    }
}

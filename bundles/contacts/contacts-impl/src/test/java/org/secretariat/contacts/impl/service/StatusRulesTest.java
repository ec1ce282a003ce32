package org.secretariat.contacts.impl.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.domain.DomainException;

class StatusRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private static String fieldOf(TreatyStatus status, Instrument instrument, LocalDate signature, LocalDate deposit) {
        return assertThrows(DomainException.class, () -> StatusRules.check(status, instrument, signature, deposit, TODAY)).field();
    }

    @Test
    void consistentStatusesPass() {
        assertDoesNotThrow(() -> StatusRules.check(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, null, LocalDate.of(2011, 3, 15), TODAY));
        assertDoesNotThrow(() -> StatusRules.check(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, LocalDate.of(2008, 12, 3),
                LocalDate.of(2008, 12, 3), TODAY));
        assertDoesNotThrow(() -> StatusRules.check(TreatyStatus.SIGNATORY, null, LocalDate.of(2008, 12, 3), null, TODAY));
        assertDoesNotThrow(() -> StatusRules.check(TreatyStatus.NOT_PARTY, null, null, null, TODAY));
    }

    @Test
    void inconsistentStatusesNameTheField() {
        assertEquals("status", fieldOf(null, null, null, null));
        assertEquals("depositDate", fieldOf(TreatyStatus.STATE_PARTY, Instrument.ACCESSION, null, null));
        assertEquals("instrument", fieldOf(TreatyStatus.STATE_PARTY, null, null, LocalDate.of(2011, 3, 15)));
        assertEquals("depositDate", fieldOf(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, LocalDate.of(2010, 1, 1), LocalDate.of(2009, 1, 1)));
        assertEquals("depositDate", fieldOf(TreatyStatus.STATE_PARTY, Instrument.RATIFICATION, null, TODAY.plusDays(1)));
        assertEquals("signatureDate", fieldOf(TreatyStatus.SIGNATORY, null, null, null));
        assertEquals("depositDate", fieldOf(TreatyStatus.SIGNATORY, null, LocalDate.of(2008, 12, 3), LocalDate.of(2010, 1, 1)));
        assertEquals("signatureDate", fieldOf(TreatyStatus.NOT_PARTY, null, LocalDate.of(2008, 12, 3), null));
    }

    @Test
    void aTreatyCollectionRowImpliesItsStatus() {
        assertEquals(TreatyStatus.STATE_PARTY, StatusRules.implied(null, LocalDate.of(2011, 1, 1)));
        assertEquals(TreatyStatus.SIGNATORY, StatusRules.implied(LocalDate.of(2008, 12, 3), null));
        assertEquals(TreatyStatus.NOT_PARTY, StatusRules.implied(null, null));
    }
}

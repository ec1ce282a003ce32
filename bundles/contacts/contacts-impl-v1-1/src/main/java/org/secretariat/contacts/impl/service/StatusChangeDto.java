package org.secretariat.contacts.impl.service;

import java.time.Instant;
import java.time.LocalDate;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.StatusChange;

/** One entry of a state's status history: who changed it when, through the API or an import, from what to what. */
public record StatusChangeDto(Instant changedAt, String changedBy, String source, TreatyStatus from, TreatyStatus status, Instrument instrument,
        LocalDate signatureDate, LocalDate depositDate) {

    static StatusChangeDto of(StatusChange change) {
        return new StatusChangeDto(change.changedAt, change.changedBy, change.source, change.oldStatus, change.newStatus, change.instrument,
                change.signatureDate, change.depositDate);
    }
}

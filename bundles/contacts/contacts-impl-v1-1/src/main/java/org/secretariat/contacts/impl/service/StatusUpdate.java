package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.contacts.impl.domain.Participation;

/** A state's new status; {@code version}, optional, is the one read (a different current version is a conflict). */
public record StatusUpdate(TreatyStatus status, Instrument instrument, LocalDate signatureDate, LocalDate depositDate, Integer version) {

    Participation participation() {
        return new Participation(status, instrument, signatureDate, depositDate);
    }
}

package org.secretariat.contacts.impl.domain;

import java.time.LocalDate;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;

/** Where a state stands toward the convention: its status, the instrument it deposited, and when it signed and deposited. */
public record Participation(TreatyStatus status, Instrument instrument, LocalDate signatureDate, LocalDate depositDate) {
}

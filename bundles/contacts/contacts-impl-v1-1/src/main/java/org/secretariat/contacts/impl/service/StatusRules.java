package org.secretariat.contacts.impl.service;

import java.time.LocalDate;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.TreatyStatus;
import org.secretariat.platform.api.domain.DomainException;

/**
 * What a consistent treaty status is: a State Party has deposited an instrument (and may have
 * signed before); a Signatory has signed and not deposited; a state not party has neither. Dates
 * cannot lie in the future, and a deposit does not precede the signature.
 */
final class StatusRules {

    private StatusRules() {
    }

    /** Refuses an inconsistent status, naming the field at fault. */
    static void check(TreatyStatus status, Instrument instrument, LocalDate signatureDate, LocalDate depositDate, LocalDate today) {
        if (status == null) {
            throw DomainException.invalid("status", "status is required: STATE_PARTY, SIGNATORY or NOT_PARTY");
        }
        if (signatureDate != null && signatureDate.isAfter(today)) {
            throw DomainException.invalid("signatureDate", "signatureDate " + signatureDate + " is in the future");
        }
        if (depositDate != null && depositDate.isAfter(today)) {
            throw DomainException.invalid("depositDate", "depositDate " + depositDate + " is in the future");
        }
        switch (status) {
            case STATE_PARTY:
                if (depositDate == null) {
                    throw DomainException.invalid("depositDate", "a State Party has a depositDate (of its instrument of ratification, accession...)");
                }
                if (instrument == null) {
                    throw DomainException.invalid("instrument", "a State Party has an instrument: RATIFICATION, ACCESSION, ACCEPTANCE, APPROVAL or SUCCESSION");
                }
                if (signatureDate != null && depositDate.isBefore(signatureDate)) {
                    throw DomainException.invalid("depositDate", "depositDate " + depositDate + " is before signatureDate " + signatureDate);
                }
                break;
            case SIGNATORY:
                if (signatureDate == null) {
                    throw DomainException.invalid("signatureDate", "a Signatory has a signatureDate");
                }
                if (depositDate != null || instrument != null) {
                    throw DomainException.invalid(depositDate != null ? "depositDate" : "instrument",
                            "a Signatory has deposited no instrument yet: use STATE_PARTY for a deposit");
                }
                break;
            case NOT_PARTY:
                if (depositDate != null || instrument != null) {
                    throw DomainException.invalid(depositDate != null ? "depositDate" : "instrument",
                            "a state not party has deposited no instrument");
                }
                if (signatureDate != null) {
                    throw DomainException.invalid("signatureDate", "a state that signed is a SIGNATORY");
                }
                break;
            default:
                throw DomainException.invalid("status", "unknown status " + status);
        }
    }

    /** The status a treaty-collection row implies: a deposit makes a State Party, a signature alone a Signatory. */
    static TreatyStatus implied(LocalDate signatureDate, LocalDate depositDate) {
        if (depositDate != null) {
            return TreatyStatus.STATE_PARTY;
        }
        return signatureDate != null ? TreatyStatus.SIGNATORY : TreatyStatus.NOT_PARTY;
    }
}

package org.secretariat.contacts.impl.service;

import java.time.LocalDate;
import java.util.Map;

import org.secretariat.contacts.api.Instrument;
import org.secretariat.contacts.api.StateSummary;
import org.secretariat.contacts.api.TreatyStatus;

/** A state as the API shows it: named in one language, and in every stored one ({@code names}) when read alone. */
public record StateDto(String iso2, String iso3, String name, Map<String, String> names, TreatyStatus status, Instrument instrument,
        LocalDate signatureDate, LocalDate depositDate, LocalDate entryIntoForce, Integer version) {

    static StateDto of(StateSummary summary, String language, int version, boolean withNames) {
        return new StateDto(summary.iso2(), summary.iso3(), summary.name(language), withNames ? summary.names() : null, summary.status(),
                summary.instrument(), summary.signatureDate(), summary.depositDate(), summary.entryIntoForce(), version);
    }
}
